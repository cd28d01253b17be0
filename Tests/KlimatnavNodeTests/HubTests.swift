import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Testing
import ZeroMQ

@testable import KlimatnavNode

@Suite(.serialized, .timeLimit(.minutes(5))) struct HubTests {
    @Test func anAcknowledgedMessageIsAlreadyInTheDatabase() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        let delivery = try await lund.deliver(.goalAsserted(.sample("lund", "a")))
        #expect(delivery.isAcknowledged)
        // A second connection to the file sees the message: it was committed before the ACK.
        let log = try await fixture.store().messages()
        #expect(log.map(\.type) == ["goal"])
        #expect(log.first?.sender == "lund")
        #expect(await fixture.hub.state.goals["lund.a"] != nil)
        await fixture.tearDown()
    }

    @Test func aPartyMayNotSpeakForAnother() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        let delivery = try await lund.deliver(.goalAsserted(.sample("malmo", "forged")))
        guard case .refused(_, let code, _) = delivery else {
            Issue.record("a forged goal was accepted")
            return
        }
        #expect(code == .notAuthorized)
        #expect(await fixture.hub.state.goals.isEmpty)
        let audit = try await fixture.store().rejectedMessages()
        #expect(audit.map(\.code) == ["not-authorized"])
        #expect(audit.first?.sender == "lund")
        // The link goes on: the next message is accepted.
        #expect(try await lund.deliver(.goalAsserted(.sample("lund", "b"))).isAcknowledged)
        await fixture.tearDown()
    }

    @Test func unknownPartiesCannotConnect() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        guard case .nack(let nack) = try await peer.exchange(.hello(Hello(party: "atlantis", software: "t", lastSequence: 0))) else {
            Issue.record("expected a NACK")
            return
        }
        #expect(nack.code == .unknownParty)
        await fixture.tearDown()
    }

    @Test func malformedFramesAreRefusedAndTheHubKeepsServing() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        let garbage: [[[UInt8]]] = [
            [Array("hello".utf8)],
            [Array("KNAV".utf8) + [9], Array("goal".utf8), [0, 0, 0, 0, 0, 0, 0, 1], Array("{}".utf8)],
            [WireCodec.frame0, Array("goal".utf8), [0, 0, 0, 0, 0, 0, 0, 1], [0xff, 0xfe]],
        ]
        var codes: [WireError.Code] = []
        for frames in garbage {
            if case .nack(let nack) = try await peer.exchange(frames) { codes.append(nack.code) }
        }
        #expect(codes == [.badSignature, .unsupportedVersion, .badUTF8])
        let lund = try await fixture.link("lund")
        #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
        #expect(try await fixture.store().rejectedMessages().count == 3)
        await fixture.tearDown()
    }

    @Test func duplicatesGetTheFirstAnswerAndGapsAskForAResend() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        func exchange(_ message: WireMessage) async throws -> WireMessage { try await peer.exchange(message) }
        guard case .welcome(let welcome) = try await exchange(.hello(Hello(party: "lund", software: "t", lastSequence: 0))) else {
            Issue.record("no WELCOME")
            return
        }
        #expect(welcome.nextSequence == 1)
        // The hub published its roster first (section 7.4); the goal's DELTA comes next.
        let published = await fixture.hub.stateSequence
        let goal = WireMessage.domain(DomainMessage(sequence: 1, event: .goalAsserted(.sample("lund", "a"))))
        #expect(try await exchange(goal) == .ack(Ack(sequence: 1, stateSequence: published + 1)))
        // The same message again: acknowledged again, stored once.
        guard case .ack(let again) = try await exchange(goal) else {
            Issue.record("a duplicate was not acknowledged")
            return
        }
        #expect(again.sequence == 1)
        // A refused message, resent, is refused again with the same code.
        let forged = WireMessage.domain(DomainMessage(sequence: 2, event: .goalAsserted(.sample("malmo", "x"))))
        guard case .nack(let first) = try await exchange(forged), case .nack(let second) = try await exchange(forged) else {
            Issue.record("a forged message was not refused twice")
            return
        }
        #expect(first.code == .notAuthorized && second.code == .notAuthorized)
        // A refusal that names a field: the resend gets the same code, frame and path.
        let asAgency = WireMessage.domain(
            DomainMessage(sequence: 3, event: .partyRegistered(Party(id: "lund", kind: .agency, level: .local, name: "Lund"))))
        guard case .nack(let kind) = try await exchange(asAgency), case .nack(let kindAgain) = try await exchange(asAgency) else {
            Issue.record("a change of kind was not refused twice")
            return
        }
        #expect(kind.code == .wrongPartyKind && kind.frame == 3 && kind.path == "body.kind")
        #expect(kindAgain == kind)
        // Sequence 6 skips 4 and 5: the hub asks for 4.
        let ahead = WireMessage.domain(DomainMessage(sequence: 6, event: .goalAsserted(.sample("lund", "b"))))
        guard case .nack(let gap) = try await exchange(ahead) else {
            Issue.record("a sequence gap was accepted")
            return
        }
        #expect(gap.code == .sequenceGap)
        #expect(gap.expectedSequence == 4)
        #expect(try await fixture.store().messageCount() == 1)
        await fixture.tearDown()
    }

    @Test func theStateAndOpenGapsSurviveARestart() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        #expect(
            try await lund.deliver(
                .goalAsserted(Goal(id: "lund.smart", party: "lund", word: .climateSmart, targetYear: 2050, text: "climate-smart"))
            ).isAcknowledged)
        #expect(
            try await lund.deliver(.commitmentStated(Commitment(party: "lund", section: .reporting, status: .nothingDescribed)))
                .isAcknowledged)
        let before = await fixture.hub.openGaps
        let stateBefore = await fixture.hub.state
        #expect(!before.isEmpty)
        await lund.close()
        try await fixture.stopHub()

        try await fixture.startHub()
        #expect(await fixture.hub.state == stateBefore)
        #expect(await fixture.hub.openGaps == before)
        let logged = try await fixture.store().gaps().map(\.gap)
        #expect(logged == before)
        // The same party reconnects and continues its sequence.
        let again = try await fixture.link("lund")
        #expect(try await again.deliver(.goalAsserted(.sample("lund", "b"))).isAcknowledged)
        #expect(try await fixture.store().lastSequences()["lund"] == 3)
        await fixture.tearDown()
    }

    /// Section 9: while the hub reads nothing itself (its commit is stuck), no node is found
    /// silent; when it reads again, every session's window starts afresh.
    @Test func sessionsDoNotExpireWhileTheHubIsNotReading() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        let hub = fixture.hub!
        let later = Date().addingTimeInterval(3600)
        await hub.pauseReading()
        #expect(await hub.expireSilentSessions(now: later).isEmpty)
        await hub.resumeReading()
        #expect(await hub.expireSilentSessions(now: Date()).isEmpty)
        #expect(await hub.expireSilentSessions(now: later) == ["lund"])
        await lund.close()
        await fixture.tearDown()
    }
}
