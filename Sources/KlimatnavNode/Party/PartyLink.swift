import Foundation
import KlimatnavCore
import KlimatnavWire
import Logging
import ZeroMQ

/// A party's connection to the hub: a DEALER socket, the HELLO/WELCOME handshake, per-sender
/// sequence numbers, and an outbox of unacknowledged messages that are resent until the hub
/// answers. One per party node.
///
/// A thin shell: every decision is ``LinkCore``'s (pure, tested without sockets); the actor
/// feeds it what happens with the time, carries out the effects (socket sends, durable outbox
/// writes) and wakes callers through one ``Waiters`` registry. Submissions are numbered and
/// written one after another by `run()`'s submission loop (PartyLink+Submit.swift).
public actor PartyLink {
    public nonisolated let party: PartyID
    let socket: AsyncSocket
    let options: LinkOptions
    let logger: Logger
    /// Time for the core and the ticker (injected by tests).
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    var core: LinkCore
    var waiters = Waiters<LinkWait, LinkWake>()
    /// Waits with a deadline (``wait(_:until:)``): the ticker wakes them `.timedOut` once it
    /// has passed.
    var deadlines: [(key: LinkWait, id: Int, at: Date)] = []
    /// Submissions handed to `run()`'s submission loop, in order (PartyLink+Submit.swift).
    let submissions: AsyncStream<UInt64>
    let submissionQueue: AsyncStream<UInt64>.Continuation
    var queuedSubmissions: [UInt64: [(DomainEvent, String?)]] = [:]
    var nextSubmission: UInt64 = 0
    var submissionsEnded = false

    /// Refusals in the order the hub sent them (the most recent 1000).
    public var refusals: [Delivery] { core.refusals }

    /// Connects a DEALER socket to `endpoint`. Call ``run()`` in a task, then ``hello()``.
    /// With `curve`, the DEALER is a CURVE client of the hub (keys set before connecting).
    public init(
        context: ZeroMQContext, party: PartyID, endpoint: String, options: LinkOptions = LinkOptions(), logger: Logger,
        curve: CurveClient? = nil
    ) throws {
        try self.init(
            context: context, party: party, endpoint: endpoint, options: options, logger: logger, curve: curve, clock: ContinuousClock(),
            now: { Date() })
    }

    /// ``init(context:party:endpoint:options:logger:curve:)`` with the ticker's clock and the
    /// core's time injected.
    init(
        context: ZeroMQContext, party: PartyID, endpoint: String, options: LinkOptions, logger: Logger, curve: CurveClient?,
        clock: any Clock<Duration>, now: @escaping @Sendable () -> Date
    ) throws {
        self.party = party
        self.options = options
        self.logger = logger
        self.clock = clock
        self.now = now
        (submissions, submissionQueue) = AsyncStream.makeStream(of: UInt64.self)
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
            core = LinkCore(party: party, options: options, nextSequence: restored.nextSequence, outbox: restored.outbox, now: now())
        } else {
            core = LinkCore(party: party, options: options, now: now())
        }
    }

    /// Sends HELLO and waits for WELCOME; resends HELLO until the hub answers.
    public func hello() async throws {
        _ = try await hello(until: nil)
    }

    /// ``hello()``, but waits no longer than `wait`; returns whether the hub welcomed the link.
    public func hello(within wait: Duration) async throws -> Bool {
        try await hello(until: now().addingTimeInterval(HubTime.seconds(wait)))
    }

    private func hello(until deadline: Date?) async throws -> Bool {
        if core.welcomed { return true }
        try await socket.send(Message(core.helloFrames()))
        if core.welcomed { return true }
        switch await wait(.welcome, until: deadline) {
        case .failed(let error): throw error
        case .timedOut: return false
        default: return true
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
        while core.outbox.unanswered > 0 && !core.closed { _ = await wait(.room) }
    }

    /// Waits for the answer to message `sequence`.
    public func outcome(of sequence: UInt64) async -> Delivery {
        await outcome(of: sequence, until: nil) ?? .refused(sequence: sequence, code: .internalError, reason: "no answer")
    }

    /// ``outcome(of:)``, but waits no longer than `wait`: `nil` when the hub has not answered
    /// by then (the message stays in the outbox; a later answer is still recorded there).
    public func outcome(of sequence: UInt64, within wait: Duration) async -> Delivery? {
        await outcome(of: sequence, until: now().addingTimeInterval(HubTime.seconds(wait)))
    }

    private func outcome(of sequence: UInt64, until deadline: Date?) async -> Delivery? {
        if let answer = core.awaitAnswer(sequence) { return answer }
        switch await wait(.answer(sequence), until: deadline) {
        case .delivery(let delivery): return delivery
        case .timedOut: return nil
        default: return .refused(sequence: sequence, code: .internalError, reason: "the link closed before the hub answered")
        }
    }

    /// Asks the hub for a snapshot of the shared state (the Clone pattern's first step).
    public func requestSnapshot(knownStateSequence: UInt64 = 0) async throws -> Snapshot {
        try await hello()
        let effects = core.handle(.snapshotRequested(knownStateSequence: knownStateSequence), now: now())
        for case .send(let frames) in effects { try await socket.send(Message(frames)) }
        switch await wait(.snapshot) {
        case .snapshot(let snapshot): return snapshot
        case .failed(let error): throw error
        default: throw CancellationError()
        }
    }

    /// Messages submitted and not yet answered.
    public var unanswered: Int { core.outbox.unanswered }

    /// Times the hub was declared dead by this link.
    public var hubSilences: Int { core.hubSilences }

    /// Closes the socket; pending waits end.
    public func close() {
        for effect in core.handle(.close, now: now()) { resolve(effect) }
    }

    /// How many callers wait (for tests).
    var waiting: Int { waiters.count }

    /// Suspends until `key` is woken.
    /// Waits for `key`; with a `deadline` (on ``now``), no longer than that: the ticker wakes
    /// the wait `.timedOut` at its first tick after it (within 100 ms).
    func wait(_ key: LinkWait, until deadline: Date? = nil) async -> LinkWake {
        await withCheckedContinuation { continuation in
            let id = waiters.add(key, continuation)
            if let deadline { deadlines.append((key, id, deadline)) }
        }
    }

    /// Wakes the waits whose deadline is before `time` (``wait(_:until:)``).
    func expireWaits(at time: Date) {
        guard !deadlines.isEmpty else { return }
        let due = deadlines.filter { $0.at <= time }
        deadlines.removeAll { $0.at <= time }
        for wait in due { waiters.resume(wait.key, id: wait.id, with: .timedOut) }
    }
}
