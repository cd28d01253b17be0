import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavNode

/// A database written before section 7.4 (messages, no record of hub-made changes): the hub
/// replays it on the roster as before, publishes the roster after it, and replays the same
/// way on every later start.
@Suite(.timeLimit(.minutes(2))) struct HubMadeUpgradeTests {
    @Test func aDatabaseFromBeforeHubMadeChangesReplaysTheSameEveryTime() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let lund = try await fixture.link("lund")
        #expect(try await lund.deliver(.goalAsserted(Goal(id: "lund.g", party: "lund", targetYear: 2030, text: "t"))).isAcknowledged)
        await lund.close()
        let state = await fixture.hub.state
        try await fixture.stopHub()
        // As an older hub left it: no record of hub-made changes.
        try await fixture.store().deleteMeta(HubMadeLog.metaKey)

        try await fixture.startHub()
        #expect(await fixture.hub.state == state)
        let republished = await fixture.hub.startupPublications.count
        #expect(republished >= fixture.roster.count, "the roster is published after the old messages")
        try await fixture.stopHub()
        try await fixture.startHub()
        #expect(await fixture.hub.state == state)
        #expect(await fixture.hub.startupPublications.isEmpty)
        await fixture.tearDown()
    }
}
