import Foundation
import KlimatnavCore
import KlimatnavWire
import Logging
import ZeroMQ

/// Subscribes to the hub's published deltas and gap events and keeps a ``StateReplica``
/// current, asking for a new snapshot through the party's link whenever a delta is missed.
public actor StateFeed {
    let socket: AsyncSocket
    let link: PartyLink
    let logger: Logger
    public private(set) var replica = StateReplica()
    /// Gap events in arrival order (the coordinator's live feed), the most recent 10,000.
    public private(set) var gapEvents: [GapMessage] = []
    private var sequenceWaiters: [(UInt64, CheckedContinuation<Void, Never>)] = []

    /// With `curve`, the SUB is a CURVE client of the hub's PUB (which is CURVE whenever the
    /// hub runs with keys: gap events are not public).
    public init(context: ZeroMQContext, endpoint: String, link: PartyLink, logger: Logger, curve: CurveClient? = nil) throws {
        self.link = link
        self.logger = logger
        socket = try AsyncSocket(context, type: .sub, configuration: .init(threadName: "feed-\(link.party)")) { socket in
            try socket.set(.linger, 0)
            try socket.subscribe()
            try curve?.configure(socket)
            try socket.connect(endpoint)
        }
    }

    /// Reads the feed until ``close()``; loads a snapshot first and whenever one is needed.
    public func run() async {
        let refresher = Task { [weak self] in
            while !Task.isCancelled {
                await self?.refreshIfNeeded()
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { refresher.cancel() }
        do {
            for try await batch in socket.batches {
                for received in batch {
                    guard let message = try? WireCodec.decode(frames: received.frames) else {
                        logger.warning("feed of \(link.party): unreadable message ignored")
                        continue
                    }
                    switch message {
                    case .delta(let delta): replica.apply(delta)
                    case .heartbeat(let heartbeat): replica.heartbeat(stateSequence: heartbeat.sequence)
                    case .gap(let gap): replica.apply(gap)
                    default: break
                    }
                }
                wakeWaiters()
            }
        } catch {
            logger.warning("feed of \(link.party) stopped: \(error)")
        }
    }

    /// Waits until the replica has caught up with `stateSequence`.
    public func waitFor(stateSequence: UInt64) async {
        if replica.stateSequence >= stateSequence && !replica.needsSnapshot { return }
        await withCheckedContinuation { sequenceWaiters.append((stateSequence, $0)) }
    }

    public func close() {
        socket.close()
        for (_, waiter) in sequenceWaiters { waiter.resume() }
        sequenceWaiters = []
    }

    private func refreshIfNeeded() async {
        guard replica.needsSnapshot else { return }
        do {
            let snapshot = try await link.requestSnapshot(knownStateSequence: replica.stateSequence)
            replica.load(snapshot)
            wakeWaiters()
        } catch {
            logger.debug("feed of \(link.party): snapshot failed: \(error)")
        }
    }

    private func wakeWaiters() {
        guard !replica.needsSnapshot else { return }
        let ready = sequenceWaiters.filter { $0.0 <= replica.stateSequence }
        sequenceWaiters.removeAll { $0.0 <= replica.stateSequence }
        for (_, waiter) in ready { waiter.resume() }
    }
}
