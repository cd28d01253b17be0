import Foundation
import KlimatnavCore
import KlimatnavWire
import Logging
import ZeroMQ

/// A party's connection to the hub: a DEALER socket, the HELLO/WELCOME handshake, per-sender
/// sequence numbers, and an outbox of unacknowledged messages that are resent until the hub
/// answers. One per party node.
public actor PartyLink {
    public nonisolated let party: PartyID
    let socket: AsyncSocket
    let options: LinkOptions
    let logger: Logger
    var nextSequence: UInt64 = 1
    var outbox = Outbox()
    var welcomed = false
    var welcomeWaiters: [CheckedContinuation<Void, any Error>] = []
    var flushWaiters: [CheckedContinuation<Void, Never>] = []
    var lastHeard = Date()
    var heartbeatIntervalMs: Int
    var closed = false
    var snapshotWaiters: [CheckedContinuation<Snapshot, any Error>] = []
    /// Refusals in the order the hub sent them (the most recent 1000).
    public internal(set) var refusals: [Delivery] = []
    /// Durable-outbox bookkeeping, HELLO backoff and resend damping (PartyLink+Durable.swift).
    var reliability = LinkReliability()

    /// Connects a DEALER socket to `endpoint`. Call ``run()`` in a task, then ``hello()``.
    /// With `curve`, the DEALER is a CURVE client of the hub (keys set before connecting).
    public init(
        context: ZeroMQContext, party: PartyID, endpoint: String, options: LinkOptions = LinkOptions(), logger: Logger,
        curve: CurveClient? = nil
    ) throws {
        self.party = party
        self.options = options
        self.logger = logger
        heartbeatIntervalMs = options.heartbeatIntervalMs
        socket = try AsyncSocket(context, type: .dealer, configuration: .init(threadName: "node-\(party)")) { socket in
            try socket.set(.linger, 0)
            // No fixed routing id: libzmq picks a fresh one per connection, so a node restarted
            // after a crash is never refused by the hub's ROUTER as a duplicate of its dead
            // predecessor (identity comes from HELLO / User-Id, never from the routing id).
            try socket.set(.reconnectInterval, 100)
            try socket.set(.reconnectIntervalMax, 2000)
            try curve?.configure(socket)
            try socket.connect(endpoint)
        }
        if let durable = options.outbox {
            let restored = try LinkReliability.restore(from: durable, party: party)
            nextSequence = restored.nextSequence
            outbox = restored.outbox
        }
    }

    /// Sends HELLO and waits for WELCOME; resends HELLO until the hub answers.
    public func hello() async throws {
        if welcomed { return }
        try await sendHello()
        try await withCheckedThrowingContinuation { continuation in
            if welcomed {
                continuation.resume()
            } else {
                welcomeWaiters.append(continuation)
            }
        }
    }

    /// Sends `event` and waits until the hub acknowledges or refuses it.
    public func deliver(_ event: DomainEvent) async throws -> Delivery {
        let sequence = try await submit(event)
        return await outcome(of: sequence)
    }

    /// Sends `event` without waiting for its answer; returns its sequence number. Suspends
    /// while ``LinkOptions/maxInFlight`` messages await answers.
    /// With a durable outbox the message is on disk before it is sent; `key` names it there
    /// (so a restarted node can tell what it already queued).
    @discardableResult
    public func submit(_ event: DomainEvent, key: String? = nil) async throws -> UInt64 {
        try await submit(contentsOf: [(event, key)])[0]
    }

    /// Waits until every submitted message has been answered.
    public func flush() async {
        while outbox.unanswered > 0 && !closed {
            await withCheckedContinuation { flushWaiters.append($0) }
        }
    }

    /// Waits for the answer to message `sequence`.
    public func outcome(of sequence: UInt64) async -> Delivery {
        guard sequence < nextSequence else {
            return .refused(sequence: sequence, code: .internalError, reason: "message \(sequence) was never sent")
        }
        if let answer = outbox.answer(for: sequence) { return answer }
        return await withCheckedContinuation { continuation in
            outbox.wait(for: sequence, continuation)
        }
    }

    /// Asks the hub for a snapshot of the shared state (the Clone pattern's first step).
    public func requestSnapshot(knownStateSequence: UInt64 = 0) async throws -> Snapshot {
        try await hello()
        let frames = try WireCodec.encode(.snapshotRequest(SnapshotRequest(knownStateSequence: knownStateSequence)))
        try await socket.send(Message(frames))
        return try await withCheckedThrowingContinuation { snapshotWaiters.append($0) }
    }

    /// Messages submitted and not yet answered.
    public var unanswered: Int { outbox.unanswered }

    /// Closes the socket; pending waits end.
    public func close() {
        closed = true
        socket.close()
        for waiter in welcomeWaiters { waiter.resume(throwing: CancellationError()) }
        welcomeWaiters = []
        for waiter in snapshotWaiters { waiter.resume(throwing: CancellationError()) }
        snapshotWaiters = []
        outbox.cancelAll()
        for waiter in flushWaiters { waiter.resume() }
        flushWaiters = []
    }
}
