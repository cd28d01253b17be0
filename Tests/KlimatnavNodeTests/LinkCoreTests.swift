import Foundation
import KlimatnavCore
import KlimatnavWire
import Testing

@testable import KlimatnavNode

/// The link's decisions without sockets, databases or sleeps: time is a parameter.
@Suite struct LinkCoreTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    func core(_ options: LinkOptions = LinkOptions(resendAfterMs: 200), durable: Bool = false) -> LinkCore {
        LinkCore(party: "lund", options: options, durable: durable, now: t0)
    }

    /// The messages the effects send, decoded.
    func sent(_ effects: [LinkEffect]) throws -> [WireMessage] {
        try effects.compactMap { effect in
            guard case .send(let frames) = effect else { return nil }
            return try WireCodec.decode(frames: frames)
        }
    }

    func sentSequences(_ effects: [LinkEffect]) throws -> [UInt64] {
        try sent(effects).compactMap { message in
            guard case .domain(let domain) = message else { return nil }
            return domain.sequence
        }
    }

    /// Submits `count` messages numbered from the core's next number.
    func submit(_ count: Int, to core: inout LinkCore, at time: Date) throws -> [LinkEffect] {
        let first = core.nextSequence
        let entries = try (0..<UInt64(count)).map { offset in
            let event = DomainEvent.goalAsserted(.sample("lund", "g\(first + offset)"))
            return (sequence: first + offset, frames: try WireCodec.encode(.domain(DomainMessage(sequence: first + offset, event: event))))
        }
        return core.handle(.submitted(entries), now: time)
    }

    func welcome(_ core: inout LinkCore, next: UInt64 = 1, at time: Date) -> [LinkEffect] {
        core.handle(.received(.welcome(Welcome(nextSequence: next))), now: time)
    }

    func ack(_ sequence: UInt64) -> LinkInput { .received(.ack(Ack(sequence: sequence, stateSequence: sequence + 100))) }

    @Test func helloIsResentWithBackoffUntilWelcome() throws {
        var link = core(LinkOptions(maxResendMs: 2000))
        #expect(try sent(link.handle(.hello, now: t0)) == [.hello(Hello(party: "lund", software: "klimatnav/1", lastSequence: 0))])
        // Ticks every 100 ms for 5 s: HELLO at 0, 0.5, 1.5, 3.5 s (0.5 s doubling, capped at 2 s).
        var helloTimes: [Double] = []
        for step in 0...50 {
            let time = t0.addingTimeInterval(Double(step) / 10)
            for case .hello in try sent(link.handle(.tick, now: time)) { helloTimes.append(Double(step) / 10) }
        }
        #expect(helloTimes == [0, 0.5, 1.5, 3.5])
        let effects = welcome(&link, at: t0.addingTimeInterval(5))
        #expect(effects.contains { if case .welcomed = $0 { true } else { false } })
        #expect(link.welcomed)
        #expect(try sent(link.handle(.hello, now: t0.addingTimeInterval(5.1))).isEmpty)
        #expect(try sent(link.handle(.tick, now: t0.addingTimeInterval(5.2))).isEmpty)
    }

    @Test func welcomeRaisesTheFloorAndResendsWhatIsUnanswered() throws {
        var link = core()
        // Queued before the session: nothing is sent yet.
        #expect(try sent(submit(2, to: &link, at: t0)).isEmpty)
        let effects = welcome(&link, next: 40, at: t0)
        #expect(link.nextSequence == 40)
        #expect(try sentSequences(effects) == [1, 2])
        #expect(try sentSequences(submit(1, to: &link, at: t0)) == [40])
        // A second WELCOME changes nothing and resends nothing.
        #expect(try sent(welcome(&link, next: 1, at: t0)).isEmpty)
        #expect(link.nextSequence == 41)
    }

    @Test func welcomeAboveTheNumbersUsedIsRecordedAsTheFloorInADurableOutbox() throws {
        var link = core(durable: true)
        let effects = welcome(&link, next: 40, at: t0)
        #expect(effects.contains { if case .raiseFloor(39) = $0 { true } else { false } })
        var memory = core()
        #expect(!welcome(&memory, next: 40, at: t0).contains { if case .raiseFloor = $0 { true } else { false } })
    }

    @Test func anAckAnswersOnceAndRecordsTheAnswer() throws {
        var link = core(durable: true)
        _ = welcome(&link, at: t0)
        _ = try submit(3, to: &link, at: t0)
        #expect(link.awaitAnswer(2) == nil)
        let effects = link.handle(ack(2), now: t0.addingTimeInterval(0.05))
        guard case .answered(2, let delivery, awaited: true)? = effects.first else {
            Issue.record("no answer to message 2: \(effects)")
            return
        }
        #expect(delivery == .acknowledged(sequence: 2, stateSequence: 102))
        #expect(effects.contains { if case .record(let answer) = $0 { answer.sequence == 2 && answer.acknowledged } else { false } })
        #expect(link.outbox.unanswered == 2)
        // The same ACK again (the hub answering a resend) answers nothing twice.
        #expect(link.handle(ack(2), now: t0.addingTimeInterval(0.06)).isEmpty)
        #expect(link.awaitAnswer(2) == .acknowledged(sequence: 2, stateSequence: nil))
        #expect(link.awaitAnswer(9) == .refused(sequence: 9, code: .internalError, reason: "message 9 was never sent"))
        #expect(abs((link.roundTrip.smoothed ?? 0) - 0.05) < 1e-6)
    }

    @Test func aRefusalNobodyWaitedForIsKeptUntilAskedFor() throws {
        var link = core()
        _ = welcome(&link, at: t0)
        _ = try submit(1, to: &link, at: t0)
        let nack = Nack(sequence: 1, code: .unknownGoal, reason: "no such goal")
        let effects = link.handle(.received(.nack(nack)), now: t0)
        #expect(effects.contains { if case .answered(1, _, awaited: false) = $0 { true } else { false } })
        #expect(link.refusals == [.refused(sequence: 1, code: .unknownGoal, reason: "no such goal")])
        #expect(link.awaitAnswer(1) == .refused(sequence: 1, code: .unknownGoal, reason: "no such goal"))
    }

    @Test func aSequenceGapResendsFromTheExpectedNumberOnceWithinTheDampingWindow() throws {
        var link = core(LinkOptions(resendAfterMs: 200))
        _ = welcome(&link, at: t0)
        _ = try submit(5, to: &link, at: t0)
        let gap = LinkInput.received(.nack(Nack(sequence: 4, code: .sequenceGap, reason: "gap", expectedSequence: 3)))
        #expect(try sentSequences(link.handle(gap, now: t0.addingTimeInterval(0.01))) == [3, 4, 5])
        // The rest of the pipeline brings one NACK each: within 200 ms they resend nothing.
        #expect(try sent(link.handle(gap, now: t0.addingTimeInterval(0.1))).isEmpty)
        #expect(try sent(link.handle(gap, now: t0.addingTimeInterval(0.2))).isEmpty)
        // After the window, or for another number, the hub is obeyed again.
        #expect(try sentSequences(link.handle(gap, now: t0.addingTimeInterval(0.22))) == [3, 4, 5])
        let other = LinkInput.received(.nack(Nack(sequence: 5, code: .sequenceGap, reason: "gap", expectedSequence: 4)))
        #expect(try sentSequences(link.handle(other, now: t0.addingTimeInterval(0.23))) == [4, 5])
    }

    @Test func unansweredMessagesAreResentAfterTheTimeoutOfTheRoundTrip() throws {
        var link = core(LinkOptions(resendAfterMs: 200, maxResendMs: 8000, heartbeatIntervalMs: 60_000))
        _ = welcome(&link, at: t0)
        _ = try submit(1, to: &link, at: t0)
        // Before any answer: resent after resendAfterMs, then after twice that.
        #expect(try sentSequences(link.handle(.tick, now: t0.addingTimeInterval(0.19))).isEmpty)
        #expect(try sentSequences(link.handle(.tick, now: t0.addingTimeInterval(0.21))) == [1])
        #expect(try sentSequences(link.handle(.tick, now: t0.addingTimeInterval(0.6))).isEmpty)
        #expect(try sentSequences(link.handle(.tick, now: t0.addingTimeInterval(0.62))) == [1])
        // Answers that take 1 s make the timeout 1 s + 4 × 0.5 s = 3 s (first sample).
        let t1 = t0.addingTimeInterval(1)
        _ = try submit(1, to: &link, at: t1)
        _ = link.handle(ack(2), now: t1.addingTimeInterval(1))
        #expect(link.roundTrip.timeout == 3)
        _ = try submit(1, to: &link, at: t1.addingTimeInterval(1))
        let t3 = t1.addingTimeInterval(1)
        #expect(try !sentSequences(link.handle(.tick, now: t3.addingTimeInterval(2.9))).contains(3))
        #expect(try sentSequences(link.handle(.tick, now: t3.addingTimeInterval(3))).contains(3))
    }

    @Test func aSilentHubIsDeclaredDeadAfterLivenessIntervals() throws {
        var link = core(LinkOptions(resendAfterMs: 200, heartbeatIntervalMs: 1000, heartbeatLiveness: 3))
        _ = welcome(&link, at: t0)
        // Idle for more than one interval: a heartbeat each tick, the hub still alive.
        let idle = link.handle(.tick, now: t0.addingTimeInterval(1.1))
        #expect(try sent(idle) == [.heartbeat(Heartbeat(sequence: 0))])
        #expect(link.hubSilences == 0)
        #expect(!link.handle(.tick, now: t0.addingTimeInterval(3)).contains { if case .hubSilent = $0 { true } else { false } })
        let silent = link.handle(.tick, now: t0.addingTimeInterval(3.1))
        #expect(silent.contains { if case .hubSilent = $0 { true } else { false } })
        #expect(link.hubSilences == 1)
        #expect(!link.welcomed)
        // The next tick says HELLO again.
        #expect(try sent(link.handle(.tick, now: t0.addingTimeInterval(3.2))).contains { if case .hello = $0 { true } else { false } })
    }

    @Test func noSessionSaysHelloOnceForTheWholePipeline() throws {
        var link = core()
        _ = welcome(&link, at: t0)
        _ = try submit(3, to: &link, at: t0)
        let noSession = { (sequence: UInt64) in LinkInput.received(.nack(Nack(sequence: sequence, code: .noSession, reason: "who?"))) }
        #expect(try sent(link.handle(noSession(1), now: t0)).count == 1)
        #expect(try sent(link.handle(noSession(2), now: t0)).isEmpty)
        #expect(link.outbox.unanswered == 3)
        // The WELCOME that follows resends all three.
        #expect(try sentSequences(welcome(&link, next: 1, at: t0)) == [1, 2, 3])
    }

    @Test func aNackNumberedZeroRefusesTheSnapshotInSessionAndTheSessionOutside() throws {
        var link = core()
        let refusal = LinkInput.received(.nack(Nack(sequence: 0, code: .notAuthorized, reason: "no")))
        #expect(link.handle(refusal, now: t0).contains { if case .sessionRefused(.notAuthorized, _) = $0 { true } else { false } })
        _ = welcome(&link, at: t0)
        _ = link.handle(.snapshotRequested(knownStateSequence: 0), now: t0)
        #expect(link.handle(refusal, now: t0).contains { if case .snapshotRefused(.notAuthorized, _) = $0 { true } else { false } })
        #expect(!link.snapshotWanted)
    }

    @Test func closeEndsEveryWaitAndStopsTheTimer() throws {
        var link = core()
        _ = try submit(2, to: &link, at: t0)
        #expect(link.awaitAnswer(1) == nil)
        _ = link.handle(.snapshotRequested(knownStateSequence: 0), now: t0)
        let effects = link.handle(.close, now: t0)
        guard case .closed? = effects.last else {
            Issue.record("close did not end the waits: \(effects)")
            return
        }
        #expect(link.closed && !link.snapshotWanted && link.awaited.isEmpty)
        #expect(!link.isFull)
        #expect(link.handle(.tick, now: t0.addingTimeInterval(10)).isEmpty)
    }

    @Test func backPressureAtMaxInFlight() throws {
        var link = core(LinkOptions(maxInFlight: 2))
        _ = welcome(&link, at: t0)
        _ = try submit(2, to: &link, at: t0)
        #expect(link.isFull)
        let effects = link.handle(ack(1), now: t0)
        #expect(effects.contains { if case .room = $0 { true } else { false } })
        #expect(!link.isFull)
    }
}
