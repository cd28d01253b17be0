import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// The decisions of a party's link to the hub, with no socket, no database and no clock:
/// numbering, the in-memory outbox, the session (HELLO with backoff until WELCOME), resends
/// (timer from the round trip, `sequence-gap` damping), heartbeats, a silent hub, refusals,
/// and which answers the durable outbox records. ``PartyLink`` feeds it inputs with the time
/// and carries out the effects it returns (LinkCore+Receive.swift, LinkCore+Tick.swift).
struct LinkCore {
    /// The options the core decides by (from ``LinkOptions``), in seconds.
    struct Settings {
        var resendAfter: Double
        var maxResend: Double
        var heartbeatLiveness: Int
        var maxInFlight: Int
        /// Whether answers are recorded in a durable outbox.
        var durable: Bool

        /// `durable` overrides whether `options` has an outbox (for tests).
        init(_ options: LinkOptions, durable: Bool? = nil) {
            resendAfter = Double(options.resendAfterMs) / 1000
            maxResend = Double(options.maxResendMs) / 1000
            heartbeatLiveness = options.heartbeatLiveness
            maxInFlight = options.maxInFlight
            self.durable = durable ?? (options.outbox != nil)
        }
    }

    let party: PartyID
    let settings: Settings
    /// The number the next submitted message gets.
    var nextSequence: UInt64
    var outbox: Outbox
    var welcomed = false
    var closed = false
    /// When the hub was last heard from.
    var lastHeard: Date
    var heartbeatIntervalMs: Int
    /// Refusals in the order the hub sent them (the most recent 1000).
    var refusals: [Delivery] = []
    /// HELLO backoff while the hub does not answer: next HELLO not before `nextHelloAt`.
    var helloDelay = 0.5
    var nextHelloAt = Date.distantPast
    /// The last resend ordered by a `sequence-gap` NACK (from which number, when).
    var lastGapResend: (from: UInt64, at: Date)?
    /// Times this link declared the hub dead.
    var hubSilences = 0
    /// How long answers take: the resend timer never fires sooner than its timeout.
    var roundTrip = RoundTripEstimator()
    /// Whether someone waits for a snapshot.
    var snapshotWanted = false
    /// Messages someone waits for (their answer is handed over, not kept).
    var awaited: Set<UInt64> = []

    init(party: PartyID, options: LinkOptions, durable: Bool? = nil, nextSequence: UInt64 = 1, outbox: Outbox = Outbox(), now: Date) {
        self.party = party
        settings = Settings(options, durable: durable)
        heartbeatIntervalMs = options.heartbeatIntervalMs
        self.nextSequence = nextSequence
        self.outbox = outbox
        lastHeard = now
    }

    /// Handles one input at `now`; returns what the shell must do, in order.
    mutating func handle(_ input: LinkInput, now: Date) -> [LinkEffect] {
        var effects: [LinkEffect] = []
        handle(input, now: now, into: &effects)
        return effects
    }

    /// ``handle(_:now:)`` appending to `effects` (the shell reuses one buffer per batch).
    mutating func handle(_ input: LinkInput, now: Date, into effects: inout [LinkEffect]) {
        switch input {
        case .hello:
            if !welcomed { sayHello(into: &effects) }
        case .submitted(let entries):
            submitted(entries, now: now, into: &effects)
        case .received(let message):
            lastHeard = now
            receive(message, now: now, into: &effects)
        case .snapshotRequested(let known):
            snapshotWanted = true
            do {
                effects.append(.send(try WireCodec.encode(.snapshotRequest(SnapshotRequest(knownStateSequence: known)))))
            } catch {
                effects.append(.log(.error, "\(party): cannot ask for a snapshot: \(error)"))
            }
        case .tick:
            tick(now: now, into: &effects)
        case .close:
            closed = true
            snapshotWanted = false
            awaited = []
            effects.append(.closed)
        }
    }

    /// The answer to message `sequence` if known (a kept refusal, or an acknowledgement once
    /// it left the outbox); otherwise `nil`, and the answer, when it comes, goes to the waiter
    /// (``LinkEffect/answered(_:_:awaited:)``) instead of being kept.
    mutating func awaitAnswer(_ sequence: UInt64) -> Delivery? {
        guard sequence < nextSequence else {
            return .refused(sequence: sequence, code: .internalError, reason: "message \(sequence) was never sent")
        }
        if let answer = outbox.answer(for: sequence) { return answer }
        awaited.insert(sequence)
        return nil
    }

    /// Whether a submission must wait for answers first (back-pressure).
    var isFull: Bool { outbox.unanswered >= settings.maxInFlight && !closed }

    func helloFrames() throws -> [[UInt8]] {
        try WireCodec.encode(.hello(Hello(party: party, software: "klimatnav/1", lastSequence: nextSequence - 1)))
    }

    func sayHello(into effects: inout [LinkEffect]) {
        do {
            effects.append(.send(try helloFrames()))
        } catch {
            effects.append(.log(.error, "\(party): cannot say HELLO: \(error)"))
        }
    }

    private mutating func submitted(_ entries: [(sequence: UInt64, frames: [[UInt8]])], now: Date, into effects: inout [LinkEffect]) {
        guard let last = entries.last else { return }
        // Never back below a floor a WELCOME raised while the submission was being written:
        // numbers under the hub's expected one would be answered as duplicates, unstored.
        nextSequence = max(nextSequence, last.sequence + 1)
        for entry in entries { outbox.add(sequence: entry.sequence, frames: entry.frames, at: now) }
        guard welcomed else { return }
        for entry in entries { effects.append(.send(entry.frames)) }
    }
}
