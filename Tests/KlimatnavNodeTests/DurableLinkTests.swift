import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Testing
import ZeroMQ

@testable import KlimatnavNode

@Suite(.serialized, .timeLimit(.minutes(5))) struct DurableLinkTests {
    func durableLink(
        _ fixture: HubFixture, _ party: PartyID, outbox path: String, endpoint: String
    ) throws -> (PartyLink, Task<Void, Never>, NodeOutbox) {
        let outbox = try NodeOutbox(path: path)
        var options = LinkOptions(resendAfterMs: 200)
        options.outbox = outbox
        let link = try PartyLink(context: fixture.context, party: party, endpoint: endpoint, options: options, logger: fixture.logger)
        return (link, Task { await link.run() }, outbox)
    }

    /// A node that crashed after sending but before recording the answers resends with the
    /// original numbers; the hub answers the stored ones with their ACK and stores nothing
    /// twice; new messages are numbered after the highest used.
    @Test func aRestartedNodeResendsWithTheOriginalNumbers() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let endpoint = fixture.endpoints.router!
        let path = fixture.directory.appendingPathComponent("lund.outbox").path
        let (first, firstTask, outbox) = try durableLink(fixture, "lund", outbox: path, endpoint: endpoint)
        // Queued (on disk) before the session exists: nothing is sent yet.
        let sequences = try await first.submit(contentsOf: (0..<3).map { (.goalAsserted(.sample("lund", "g\($0)")), "m\($0)") })
        #expect(sequences == [1, 2, 3])
        #expect(try outbox.pending().map(\.sequence) == [1, 2, 3])
        // The copy is the outbox of a node that dies now: everything unanswered.
        let crashed = fixture.directory.appendingPathComponent("crashed.outbox").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed + suffix)
        }
        try await first.hello()
        await first.flush()
        // Answers are written after each received batch.
        for _ in 0..<100 where try outbox.counts().acknowledged < 3 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try outbox.counts().acknowledged == 3)
        await first.close()
        await firstTask.value
        #expect(try await fixture.store().messageCount() == 3)

        let (second, secondTask, restored) = try durableLink(fixture, "lund", outbox: crashed, endpoint: endpoint)
        #expect(await second.unanswered == 3)
        try await second.hello()
        await second.flush()
        for _ in 0..<100 where try restored.counts().acknowledged < 3 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try restored.counts().acknowledged == 3)
        #expect(try await fixture.store().messageCount() == 3)
        #expect(try await second.submit(.goalAsserted(.sample("lund", "next"))) == 4)
        await second.flush()
        #expect(try await fixture.store().messageCount() == 4)
        await second.close()
        await secondTask.value
        await fixture.tearDown()
    }

    @Test func theHubExpiresSilentSessions() async throws {
        let fixture = try HubFixture()
        let options = HubOptions(
            bind: ["tcp://127.0.0.1:*"], roster: HubFixture.parties, heartbeatIntervalMs: 100, heartbeatLiveness: 2)
        let hub = try Hub(context: fixture.context, store: try fixture.store(), options: options, logger: fixture.logger)
        try await fixture.serve(hub)
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        guard case .welcome = try await peer.exchange(.hello(Hello(party: "lund", software: "t", lastSequence: 0))) else {
            Issue.record("no WELCOME")
            return
        }
        #expect(await hub.sessionCount == 1)
        try await Task.sleep(for: .milliseconds(600))
        #expect(await hub.sessionCount == 0)
        #expect(await hub.expiredSessions == 1)
        // The silent node must HELLO again before anything else.
        let goal = WireMessage.domain(DomainMessage(sequence: 1, event: .goalAsserted(.sample("lund", "late"))))
        guard case .nack(let nack) = try await peer.exchange(goal) else {
            Issue.record("a message after expiry was not refused")
            return
        }
        #expect(nack.code == .noSession)
        await fixture.tearDown()
    }

    /// Without an outbox file the link keeps its outbox in memory, as before.
    @Test func aLinkWithoutOutboxStillWorksInMemory() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        let sequences = try await lund.submit(contentsOf: (0..<50).map { (.goalAsserted(.sample("lund", "x\($0 % 4)")), nil) })
        #expect(sequences == Array(1...50))
        await lund.flush()
        #expect(try await fixture.store().messageCount() == 50)
        await fixture.tearDown()
    }
}
