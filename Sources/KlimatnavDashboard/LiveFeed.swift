import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
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
    public let endpoint: String?
    private let state = Guarded(FeedState())
    private let logger: Logger

    struct FeedState {
        var nextID: UInt64 = 1
        var history: [Event] = []
        var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
        var lastStateSequence: UInt64 = 0
        var received = 0
    }

    /// A feed with no hub: pages work, the live list stays empty.
    public init(logger: Logger = Logger(label: "klimatnav.dashboard.feed")) {
        socket = nil
        endpoint = nil
        self.logger = logger
    }

    /// Subscribes to everything the hub publishes at `endpoint`.
    public init(context: ZeroMQContext, endpoint: String, logger: Logger = Logger(label: "klimatnav.dashboard.feed")) throws {
        self.endpoint = endpoint
        self.logger = logger
        socket = try AsyncSocket(context, type: .sub, configuration: .init(threadName: "dashboard-feed")) { socket in
            try socket.set(.linger, 0)
            try socket.subscribe()
            try socket.connect(endpoint)
        }
    }

    /// Reads the socket until ``close()``. Run it in its own task.
    public func run() async {
        guard let socket else { return }
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
        finishAll()
    }

    /// Hands a gap event to every subscriber (also used by tests and by in-process hubs).
    public func publish(_ message: GapMessage) {
        let record = GapRecord(
            gap: message.gap, status: message.change == .resolved ? "resolved" : "open",
            openedAt: message.at, resolvedAt: message.change == .resolved ? message.at : nil)
        state.withLock { state in
            let event = Event(id: state.nextID, change: message.change, at: message.at, record: record, stateSequence: message.stateSequence)
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

    /// Closes the socket and ends every subscriber's stream.
    public func close() {
        socket?.close()
        finishAll()
    }

    private func finishAll() {
        let continuations = state.withLock { state in
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}

/// A value behind a lock.
final class Guarded<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
