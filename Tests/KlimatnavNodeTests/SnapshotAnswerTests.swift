import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavNode

/// Section 6.3: every request gets an answer, and a node library hands a refused
/// SNAPSHOT-REQUEST back to its caller instead of waiting forever.
@Suite(.timeLimit(.minutes(1))) struct SnapshotAnswerTests {
    @Test func aRefusedSnapshotRequestReachesTheCaller() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        do {
            _ = try await lund.requestSnapshot()
            Issue.record("a municipality got a snapshot")
        } catch LinkError.refused(let code, _) {
            #expect(code == "not-authorized")
        }
        let hub = try await fixture.link("hub")
        let snapshot = try await hub.requestSnapshot(knownStateSequence: 1_000_000)
        #expect(snapshot.stateSequence == (await fixture.hub.stateSequence), "a requester ahead of the hub still gets the whole state")
        #expect(snapshot.events.count >= fixture.roster.count)
        await fixture.tearDown()
    }
}
