import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

/// What a link keeps for reliability beyond the in-memory outbox: answers waiting to be
/// written to the durable outbox, the gate that keeps numbering and writing in order, the
/// HELLO backoff and the damping of resends asked for by the hub.
struct LinkReliability {
    /// Answers received and not yet written to the durable outbox.
    var answersToRecord: [NodeOutbox.Answer] = []
    /// True while a submission assigns numbers and writes them (one at a time, in order).
    var submitting = false
    var submitWaiters: [CheckedContinuation<Void, Never>] = []
    /// HELLO backoff while the hub does not answer: next HELLO not before `nextHelloAt`.
    var helloDelay: Double = 0.5
    var nextHelloAt = Date.distantPast
    /// The last resend ordered by a `sequence-gap` NACK (from which number, when).
    var lastGapResend: (from: UInt64, at: Date)?
    /// Times this link declared the hub dead.
    var hubSilences = 0
    /// How long answers take: the resend timer never fires sooner than its timeout.
    var roundTrip = RoundTripEstimator()

    struct Restored {
        var nextSequence: UInt64
        var outbox: Outbox
    }

    /// The in-memory outbox and the next number from a durable outbox: unanswered messages
    /// keep their original numbers; new ones come after the highest number ever used.
    static func restore(from durable: NodeOutbox, party: PartyID) throws -> Restored {
        var outbox = Outbox()
        for record in try durable.pending() {
            let frames = [WireCodec.frame0, Array(record.type.utf8), header(record.sequence), Array(record.body)]
            outbox.add(sequence: record.sequence, frames: frames, at: .distantPast)
        }
        return Restored(nextSequence: try durable.highestSequence() + 1, outbox: outbox)
    }

    static func header(_ sequence: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: sequence >> (8 * UInt64($0))) }
    }
}

extension PartyLink {
    /// Sends several events in order without waiting for their answers; returns their
    /// numbers. With a durable outbox all of them are written in one transaction before any
    /// is sent. Suspends while ``LinkOptions/maxInFlight`` messages await answers.
    @discardableResult
    public func submit(contentsOf events: [(DomainEvent, String?)]) async throws -> [UInt64] {
        guard !events.isEmpty else { return [] }
        while reliability.submitting {
            await withCheckedContinuation { reliability.submitWaiters.append($0) }
        }
        reliability.submitting = true
        defer {
            reliability.submitting = false
            if !reliability.submitWaiters.isEmpty { reliability.submitWaiters.removeFirst().resume() }
        }
        while outbox.unanswered >= options.maxInFlight && !closed {
            await withCheckedContinuation { flushWaiters.append($0) }
        }
        let first = nextSequence
        var encoded: [(UInt64, [[UInt8]], String?)] = []
        for (offset, (event, key)) in events.enumerated() {
            let sequence = first + UInt64(offset)
            encoded.append((sequence, try WireCodec.encode(.domain(DomainMessage(sequence: sequence, event: event))), key))
        }
        if let durable = options.outbox {
            // Written before it is sent: a crash from here on resends it with this number.
            try await durable.append(
                encoded.map { sequence, frames, key in
                    NodeOutbox.Entry(sequence: sequence, key: key, type: String(decoding: frames[1], as: UTF8.self), body: Data(frames[3]))
                })
        }
        nextSequence = first + UInt64(events.count)
        let now = Date()
        for (sequence, frames, _) in encoded { outbox.add(sequence: sequence, frames: frames, at: now) }
        if welcomed {
            if encoded.count == 1 {
                try await socket.send(Message(encoded[0].1))
            } else {
                // One hand-over to the socket's thread for the whole submission.
                try await socket.send(contentsOf: encoded.map { Message($0.1) })
            }
        }
        return encoded.map(\.0)
    }

    /// Notes an answer for the durable outbox (written by ``recordAnswers()``).
    func noteAnswer(_ sequence: UInt64, _ delivery: Delivery) {
        guard options.outbox != nil else { return }
        switch delivery {
        case .acknowledged(let sequence, let stateSequence):
            reliability.answersToRecord.append(.init(sequence: sequence, acknowledged: true, stateSequence: stateSequence))
        case .refused(let sequence, let code, let reason):
            reliability.answersToRecord.append(.init(sequence: sequence, acknowledged: false, code: code.rawValue, reason: reason))
        }
    }

    /// Writes the answers received so far to the durable outbox (one transaction). A crash
    /// before this only means the hub is asked again and answers as the first time.
    func recordAnswers() async {
        guard let durable = options.outbox, !reliability.answersToRecord.isEmpty else { return }
        let answers = reliability.answersToRecord
        reliability.answersToRecord = []
        do {
            try await durable.record(answers)
        } catch {
            logger.error("\(party): could not record \(answers.count) answers in the outbox: \(error)")
        }
    }

    /// After a WELCOME that expects more than this node ever numbered (its outbox was lost):
    /// remember the floor so a restart does not go back below it.
    func raiseFloor(to next: UInt64) async {
        guard let durable = options.outbox, next > 1 else { return }
        try? await durable.raiseFloor(to: next - 1)
    }

    /// Whether a `sequence-gap` NACK asking to resend from `from` should be obeyed now: the
    /// first one is; the same request again within the resend delay is not (a pipeline of
    /// messages after a gap brings one NACK each).
    func shouldResendForGap(from: UInt64, now: Date) -> Bool {
        if let last = reliability.lastGapResend, last.from == from,
            now.timeIntervalSince(last.at) < Double(options.resendAfterMs) / 1000
        {
            return false
        }
        reliability.lastGapResend = (from, now)
        return true
    }

    /// Times the hub was declared dead by this link.
    public var hubSilences: Int { reliability.hubSilences }
}
