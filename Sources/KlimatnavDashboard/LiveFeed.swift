import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import Synchronization
import ZeroMQ

/// The hub's published gap events, fanned out to every open dashboard page.
///
/// ## Design
/// One ZeroMQ SUB socket per server, connected to the hub's PUB endpoint (`--hub`). The socket
/// lives on its own I/O thread (``AsyncSocket``); one task reads its batches, keeps only GAP
/// messages (and notes DELTA state sequences), gives each event a number and hands it to every
/// subscriber's `AsyncStream`. A stream buffers at most ``subscriberBuffer`` events (the
/// newest win), so a slow browser never grows the server's memory nor slows the others. The
/// last ``historyLimit`` events are kept so a browser that reconnects with `Last-Event-ID`
/// gets what it missed. Nothing here blocks the cooperative pool.
///
/// A ``SocketMonitor`` on the SUB socket tells whether the feed is up (``status``): the
/// security handshake succeeded, the hub refused the key, the connection was lost. ZMTP
/// heartbeats on the SUB turn a hub that vanished without closing the connection into a
/// disconnection; ZeroMQ reconnects by itself, and the status follows.
public final class LiveFeed: Sendable {
    /// One event as the dashboard sends it.
    public struct Event: Sendable, Hashable {
        public var id: UInt64
        public var change: GapChange
        public var at: Date
        public var record: GapRecord
        public var stateSequence: UInt64
    }

    public static let historyLimit = 1000
    public static let subscriberBuffer = 256

    let socket: AsyncSocket?
    let monitor: SocketMonitor?
    public let endpoint: String?
    let state = Mutex(FeedState())
    let logger: Logger

    struct FeedState {
        var nextID: UInt64 = 1
        var history: [Event] = []
        var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
        var lastStateSequence: UInt64 = 0
        var received = 0
        var status = FeedStatus.none
        var statusWatchers: [UUID: AsyncStream<FeedStatus>.Continuation] = [:]
        /// Refusals since the feed was last connected (for the retry's back-off).
        var refusals = 0
    }

    /// The first wait before asking again after the hub refused the feed; it doubles with
    /// every further refusal, up to ``maxRefusalRetry``.
    let refusalRetry: Duration
    public static let maxRefusalRetry: Duration = .seconds(300)

    /// The ZMTP heartbeat on the SUB: a PING this often (ms); no traffic for three times as
    /// long drops the connection, which the status shows and ZeroMQ then remakes.
    public static let heartbeatMs = 1000

    /// A feed with no hub: pages work, the live list stays empty.
    public init(logger: Logger = Logger(label: "klimatnav.dashboard.feed")) {
        socket = nil
        monitor = nil
        endpoint = nil
        refusalRetry = .seconds(5)
        self.logger = logger
    }

    /// Subscribes to everything the hub publishes at `endpoint`. `security` configures the
    /// SUB before it connects: for a CURVE hub, the subscriber's keys and the hub's key
    /// (`CurveClient.configure`, the same as a node's). After a refusal the feed asks again
    /// after `refusalRetry`, then less and less often (libzmq itself never retries then).
    public init(
        context: ZeroMQContext, endpoint: String, logger: Logger = Logger(label: "klimatnav.dashboard.feed"),
        refusalRetry: Duration = .seconds(5), security: (Socket) throws -> Void = { _ in }
    ) throws {
        self.endpoint = endpoint
        self.logger = logger
        self.refusalRetry = refusalRetry
        var monitor: SocketMonitor?
        socket = try AsyncSocket(context, type: .sub, configuration: .init(threadName: "dashboard-feed")) { socket in
            try socket.set(.linger, 0)
            try socket.set(.heartbeatInterval, Self.heartbeatMs)
            try socket.set(.heartbeatTimeout, 3 * Self.heartbeatMs)
            try socket.subscribe()
            try security(socket)
            monitor = try SocketMonitor.start(on: socket, threadName: "dashboard-feed-monitor")
            try socket.connect(endpoint)
        }
        self.monitor = monitor
        state.withLock { $0.status = .connecting }
    }

    /// Reads the socket and its events until ``close()``. Run it in its own task.
    public func run() async {
        guard let socket else { return }
        async let watched: Void = watchConnection()
        defer { finishAll() }
        await read(socket)
        await watched
    }

    private func read(_ socket: AsyncSocket) async {
        do {
            for try await batch in socket.batches {
                for received in batch {
                    guard let message = try? WireCodec.decode(frames: received.frames) else {
                        logger.warning("dashboard feed: unreadable message ignored")
                        continue
                    }
                    switch message {
                    case .gap(let gap): publish(gap)
                    case .delta(let delta): state.withLock { $0.lastStateSequence = max($0.lastStateSequence, delta.stateSequence) }
                    default: break
                    }
                }
            }
        } catch {
            logger.warning("dashboard feed stopped: \(error)")
        }
    }

    /// Hands a gap event to every subscriber (also used by tests and by in-process hubs).
    public func publish(_ message: GapMessage) {
        let record = GapRecord(
            gap: message.gap, status: message.change == .resolved ? "resolved" : "open",
            openedAt: message.at, resolvedAt: message.change == .resolved ? message.at : nil)
        state.withLock { state in
            let event = Event(
                id: state.nextID, change: message.change, at: message.at, record: record, stateSequence: message.stateSequence)
            state.nextID += 1
            state.received += 1
            state.history.append(event)
            if state.history.count > Self.historyLimit { state.history.removeFirst(state.history.count - Self.historyLimit) }
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }

    /// A stream of events from now on, preceded by those after `lastEventID` still in the history.
    public func subscribe(after lastEventID: UInt64? = nil) -> AsyncStream<Event> {
        let key = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(Self.subscriberBuffer))
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: key) }
        }
        state.withLock { state in
            if let lastEventID {
                for event in state.history where event.id > lastEventID { continuation.yield(event) }
            }
            state.subscribers[key] = continuation
        }
        return stream
    }

    /// The most recent events, newest first.
    public func recent(_ limit: Int = 50) -> [Event] {
        state.withLock { Array($0.history.suffix(limit).reversed()) }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
    public var receivedCount: Int { state.withLock { $0.received } }

    /// Closes the socket and ends every subscriber's stream. The monitor's reader closes
    /// itself once the socket is gone (``SocketMonitor``).
    public func close() {
        socket?.close()
        finishAll()
    }

    func finishAll() {
        let (continuations, watchers) = state.withLock { state in
            defer {
                state.subscribers = [:]
                state.statusWatchers = [:]
            }
            return (Array(state.subscribers.values), Array(state.statusWatchers.values))
        }
        for continuation in continuations { continuation.finish() }
        for watcher in watchers { watcher.finish() }
    }
}
