import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// `HubStore.mirror`: a party node's replica database, read like a hub's, and its inbox.
@Suite struct ReplicaStoreTests {
    func gap(_ id: String, _ parties: [PartyID], _ summary: String = "s") -> Gap {
        Gap(id: id, kind: .policyLabCandidate, parties: parties, levels: [.national], topic: "t", summary: summary, evidence: [])
    }

    @Test func theReplicaLogsOpenedChangedAndResolvedGapsAndTheInboxFollowsThem() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("lund.db"), holder: "node")
        var state = WorldState()
        try state.apply(.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lund")))
        try state.apply(.goalAsserted(Goal(id: "lund.g", party: "lund", reductionPercent: 50, baseYear: 1990, targetYear: 2030)))
        let first = try await store.mirror(state: state, gaps: [gap("a", ["lund"]), gap("b", ["malmo"])], stateSequence: 5)
        #expect(first.map(\.change) == [.opened, .opened])
        let reader = try HubStore(readOnlyPath: dir.path("lund.db"))
        #expect(try await reader.currentState().goals["lund.g"]?.targetYear == 2030)
        #expect(try await reader.parties().map(\.id) == ["lund"])
        #expect(try await reader.meta(HubStore.stateSequenceKey) == "5")
        let inbox = try await reader.inbox(party: "lund", after: 0)
        #expect(inbox.new.map(\.gap.id) == ["a"] && inbox.open.map(\.gap.id) == ["a"] && inbox.resolved.isEmpty)

        // The same state again changes nothing; then "a" changes, "b" closes, "c" opens.
        #expect(try await store.mirror(state: state, gaps: [gap("a", ["lund"]), gap("b", ["malmo"])], stateSequence: 6).isEmpty)
        try state.apply(.goalWithdrawn(goalID: "lund.g", party: "lund"))
        let second = try await store.mirror(state: state, gaps: [gap("a", ["lund"], "new words"), gap("c", ["lund"])], stateSequence: 7)
        #expect(second.map { "\($0.gap.id):\($0.change.rawValue)" } == ["a:changed", "c:opened", "b:resolved"])
        #expect(try await reader.currentState().goals.isEmpty)
        let later = try await reader.inbox(party: "lund", after: inbox.lastEventID)
        #expect(later.new.map(\.gap.id) == ["a", "c"])
        #expect(try await reader.gaps(includeResolved: true).first { $0.gap.id == "b" }?.status == "resolved")
        #expect(try await reader.inbox(party: "lund", after: later.lastEventID).new.isEmpty)
    }
}
