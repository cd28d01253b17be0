import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Testing
import ZeroMQ

@testable import KlimatnavNode

/// ``HubCore`` directly: no sockets, no database, no clock. Frames go in as the ROUTER socket
/// reads them (routing id first), time is passed in, and the decided ``HubBatch`` is read.
@Suite struct HubCoreTests {
    let lund: [UInt8] = [0, 1, 2, 3]
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    let smart = Goal(id: "lund.smart", party: "lund", word: .climateSmart, targetYear: 2050, text: "klimatsmart")

    func core(secured: Bool = false) throws -> HubCore {
        let options = HubOptions(bind: [], roster: HubFixture.parties, heartbeatIntervalMs: 1000, heartbeatLiveness: 3)
        var ledger = try HubLedger(roster: HubFixture.parties, engine: GapEngine())
        // As the hub starts: the roster's parties enter the state as hub-made changes.
        for party in HubFixture.parties { _ = try ledger.applyHubMade(.partyRegistered(party)) }
        _ = ledger.takeSettledGaps(at: t0)
        return HubCore(ledger: ledger, options: options, secured: secured)
    }

    func received(_ frames: [[UInt8]], from routingID: [UInt8], user: String? = nil) -> ReceivedMessage {
        ReceivedMessage(frames: [routingID] + frames, userId: user)
    }

    /// The replies of a batch as (when, message type, sequence, code).
    func replies(_ batch: HubBatch) -> [String] {
        batch.replies.map { _, reply in
            switch reply {
            case .now(let message): "now \(describe(message))"
            case .afterCommit(let message): "after-commit \(describe(message))"
            case .duplicate(let sender, let sequence): "duplicate \(sender) #\(sequence)"
            }
        }
    }

    func describe(_ message: WireMessage) -> String {
        if case .nack(let nack) = message { return "NACK #\(nack.sequence) \(nack.code.rawValue)" }
        return "\(message.type) #\(message.sequence)"
    }

    @Test func helloIsWelcomedAtOnceAndAGoalIsAcknowledgedOnlyAfterTheCommit() throws {
        var core = try core()
        let hello = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        #expect(replies(hello) == ["now WELCOME #1"])
        #expect(hello.items.isEmpty)
        #expect(core.sessions.party(for: lund) == "lund")

        let before = core.ledger.stateSequence
        let batch = core.decide([received(try goalFrames(1, smart), from: lund)], now: t0.addingTimeInterval(1))
        #expect(replies(batch) == ["after-commit ACK #1"])
        guard case .accepted(let accepted)? = batch.items.first else {
            Issue.record("the goal is not stored: \(batch.items)")
            return
        }
        #expect(accepted.sender == "lund" && accepted.sequence == 1 && accepted.type == "goal")
        #expect(accepted.receivedAt == t0.addingTimeInterval(1), "the time passed in, not the clock's")
        #expect(batch.published.count >= 1, "a DELTA, then the gap changes it caused")
        #expect(batch.stateSequence > before && batch.stateSequence == core.ledger.stateSequence)
        #expect(core.ledger.state.goals["lund.smart"] != nil)
    }

    @Test func theSameNumberAgainIsADuplicateAndASkippedNumberASequenceGap() throws {
        var core = try core()
        _ = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        _ = core.decide([received(try goalFrames(1, smart), from: lund)], now: t0)
        let stateSequence = core.ledger.stateSequence
        let again = core.decide(
            [received(try goalFrames(1, smart), from: lund), received(try goalFrames(3, smart), from: lund)], now: t0)
        #expect(replies(again) == ["duplicate lund #1", "now NACK #3 sequence-gap"])
        #expect(again.items.isEmpty, "neither is stored")
        #expect(core.ledger.stateSequence == stateSequence, "the state did not move")
    }

    @Test func aMessageBeforeHelloIsStoredAsRefusedAndAnsweredNoSession() throws {
        var core = try core()
        let batch = core.decide([received(try goalFrames(1, smart), from: lund)], now: t0)
        #expect(replies(batch) == ["after-commit NACK #1 no-session"])
        guard case .rejected(let rejected)? = batch.items.first else {
            Issue.record("the refusal is not stored: \(batch.items)")
            return
        }
        #expect(rejected.code == "no-session" && !rejected.consumesSequence)
    }

    @Test func aBadBodyFromASessionUsesItsNumberAndSaysWhere() throws {
        var core = try core()
        _ = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        var frames = try goalFrames(1, smart)
        frames[3] = Array(#"{"id":"lund.x","party":"lund","text":"x","unknown":1}"#.utf8)
        let batch = core.decide([received(frames, from: lund)], now: t0)
        guard case .rejected(let rejected)? = batch.items.first, case .afterCommit(.nack(let nack)) = batch.replies.first?.reply else {
            Issue.record("not refused: \(replies(batch))")
            return
        }
        #expect(rejected.consumesSequence, "the expected number is used up (section 7.2)")
        #expect(nack.frame == 3)
        #expect(core.ledger.nextSequence(for: "lund") == 2)
        #expect(batch.notes.contains { $0.level == .debug && $0.text.contains("refused a malformed message from lund") })
    }

    @Test func aRevokedKeyEndsTheSessionWithNotAuthorized() throws {
        var core = try core(secured: true)
        _ = core.decide([received(try helloFrames("lund"), from: lund, user: "lund")], now: t0) { _, _ in true }
        #expect(core.sessions.party(for: lund) == "lund")
        let batch = core.decide([received(try goalFrames(1, smart), from: lund, user: "lund")], now: t0) { _, _ in false }
        #expect(replies(batch) == ["after-commit NACK #1 not-authorized"])
        #expect(core.sessions.party(for: lund) == nil)
    }

    @Test func sessionsAreTouchedAtTheTimePassedIn() throws {
        var core = try core()
        _ = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        let later = t0.addingTimeInterval(10)
        _ = core.decide([received(try WireCodec.encode(.heartbeat(Heartbeat(sequence: 0))), from: lund)], now: later)
        var sessions = core.sessions
        #expect(sessions.expire(before: later.addingTimeInterval(-1)).isEmpty, "heard from at 'later', not at t0")
        #expect(sessions.expire(before: later.addingTimeInterval(1)) == ["lund"])
    }

    @Test func aTickHeartbeatsQuietSessionsOnceAnIntervalAndForgetsSilentOnes() throws {
        var core = try core()
        _ = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        // Within the interval (1 s) nothing is due.
        let early = core.tick(now: t0.addingTimeInterval(0.5), readingPaused: false)
        #expect(early.heartbeats.isEmpty && early.expired.isEmpty)
        // After it, one HEARTBEAT saying the next number expected, counted as sent.
        let due = core.tick(now: t0.addingTimeInterval(1.2), readingPaused: false)
        #expect(due.heartbeats.map(\.routingID) == [lund])
        #expect(due.heartbeats.map(\.heartbeat.sequence) == [1])
        #expect(core.tick(now: t0.addingTimeInterval(1.5), readingPaused: false).heartbeats.isEmpty, "sent at 1.2 s")
        // Silent for interval × liveness (3 s): forgotten, and no HEARTBEAT for it.
        let silent = core.tick(now: t0.addingTimeInterval(3.1), readingPaused: false)
        #expect(silent.expired == ["lund"])
        #expect(silent.heartbeats.isEmpty)
        #expect(core.sessions.party(for: lund) == nil)
    }

    @Test func aTickWhileTheHubIsNotReadingForgetsNoSession() throws {
        var core = try core()
        _ = core.decide([received(try helloFrames("lund"), from: lund)], now: t0)
        let paused = core.tick(now: t0.addingTimeInterval(3600), readingPaused: true)
        #expect(paused.expired.isEmpty, "the node's heartbeats wait unread: its silence is the hub's")
        #expect(core.sessions.party(for: lund) == "lund")
        #expect(core.tick(now: t0.addingTimeInterval(3600), readingPaused: false).expired == ["lund"])
    }
}
