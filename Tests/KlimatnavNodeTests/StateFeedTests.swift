import Foundation
import KlimatnavCore
import KlimatnavWire
import Logging
import Testing

@testable import KlimatnavNode

@Suite(.serialized, .timeLimit(.minutes(5))) struct StateFeedTests {
    @Test func aRegionalHubsReplicaFollowsTheHubBySnapshotAndDeltas() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub(publish: true)
        let lund = try await fixture.link("lund")
        // Before the regional hub subscribes: it must learn this from the snapshot.
        #expect(try await lund.deliver(.goalAsserted(.sample("lund", "early"))).isAcknowledged)
        let hubLink = try await fixture.link("hub")
        let feed = try StateFeed(
            context: fixture.context, endpoint: fixture.endpoints.publisher!, link: hubLink, logger: fixture.logger)
        let feedTask = Task { await feed.run() }
        #expect(try await hubLink.deliver(.membershipJoined(Membership(hub: "hub", member: "lund"))).isAcknowledged)
        // After: deltas.
        let last = try await lund.deliver(.goalAsserted(Goal(id: "lund.smart", party: "lund", word: .climateSmart, targetYear: 2050)))
        guard case .acknowledged(_, let deltaSequence?) = last else {
            Issue.record("no state sequence in the ACK")
            return
        }
        // The GAP events of that message follow its DELTA, numbered after it.
        let published = await fixture.hub.stateSequence
        #expect(published > deltaSequence)
        await feed.waitFor(stateSequence: published)
        let replica = await feed.replica
        #expect(replica.state == (await fixture.hub.state))
        #expect(Set(replica.gaps.keys) == Set(await fixture.hub.openGaps.map(\.id)))
        #expect(Set(replica.memberGoals(of: "hub").map(\.id)) == ["lund.early", "lund.smart"])
        await feed.close()
        await feedTask.value
        await fixture.tearDown()
    }

    @Test func onlyRegionalHubsAndTheCoordinatorGetSnapshots() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        _ = try await peer.exchange(.hello(Hello(party: "lund", software: "t", lastSequence: 0)))
        guard case .nack(let nack) = try await peer.exchange(.snapshotRequest(SnapshotRequest(knownStateSequence: 0))) else {
            Issue.record("a municipality got a snapshot")
            return
        }
        #expect(nack.code == .notAuthorized)
        let coordinator = try await fixture.link("coord")
        let snapshot = try await coordinator.requestSnapshot()
        #expect(snapshot.events.count == HubFixture.parties.count)
        await fixture.tearDown()
    }

    @Test func aMissedPublicationAsksForANewSnapshot() throws {
        var replica = StateReplica()
        #expect(replica.needsSnapshot)
        replica.load(
            Snapshot(
                stateSequence: 5, events: [.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lund"))], gaps: [])
        )
        #expect(!replica.needsSnapshot)
        replica.apply(Delta(stateSequence: 6, by: "lund", event: .goalAsserted(.sample("lund", "a"))))
        #expect(replica.stateSequence == 6)
        replica.apply(Delta(stateSequence: 4, by: "lund", event: .goalAsserted(.sample("lund", "old"))))
        #expect(replica.state.goals["lund.old"] == nil, "old news is ignored")
        let gap = Gap(id: "g", kind: .definitionGap, parties: ["lund"], levels: [.local], topic: "t", summary: "s", evidence: [])
        replica.apply(GapMessage(stateSequence: 8, change: .opened, at: Date(), gap: gap))
        #expect(replica.needsSnapshot, "7 was missed")
        replica.load(Snapshot(stateSequence: 7, events: [], gaps: []))
        #expect(replica.stateSequence == 8, "the buffered GAP 8 applies after snapshot 7")
        #expect(replica.gaps["g"] != nil)
        replica.heartbeat(stateSequence: 9)
        #expect(replica.needsSnapshot, "a heartbeat ahead of us means the tail of a burst was lost")
    }

    @Test func theHubSendsHeartbeatsToQuietNodes() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        guard case .welcome(let welcome) = try await peer.exchange(.hello(Hello(party: "lund", software: "t", lastSequence: 0))) else {
            Issue.record("no WELCOME")
            return
        }
        // Say nothing: within a few intervals the hub's HEARTBEAT arrives, carrying the next
        // expected sequence.
        var iterator = peer.socket.batches.makeAsyncIterator()
        let batch = try await iterator.next()
        guard let frames = batch?.first?.frames, case .heartbeat(let beat) = try WireCodec.decode(frames: frames) else {
            Issue.record("expected a HEARTBEAT")
            return
        }
        #expect(beat.sequence == welcome.nextSequence)
        await fixture.tearDown()
    }
}
