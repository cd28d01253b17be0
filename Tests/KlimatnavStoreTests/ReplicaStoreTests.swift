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

    @Test func anAssignmentOrACommentAfterTheLastReadIsNewInTheInbox() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("uppsala.db"), holder: "node")
        var state = WorldState()
        try state.apply(.partyRegistered(Party(id: "uppsala", kind: .municipality, level: .local, name: "Uppsala")))
        let gaps = [gap("lab", ["malmo"])]
        _ = try await store.mirror(state: state, gaps: gaps, stateSequence: 1)
        let reader = try HubStore(readOnlyPath: dir.path("uppsala.db"))
        let before = try await reader.inbox(party: "uppsala", since: InboxMark())
        #expect(before.open.isEmpty, "the gap names malmo only")

        // The coordinator assigns the gap to Uppsala after Uppsala last read its inbox.
        var followUp = GapFollowUpState()
        followUp.apply(GapFollowUp(gap: "lab", action: .assign, by: "viable-cities", assignee: "uppsala", role: "klimatstrateg"))
        state.followUps["lab"] = followUp
        _ = try await store.mirror(state: state, gaps: gaps, stateSequence: 2)
        let assigned = try await reader.inbox(party: "uppsala", since: before.mark)
        #expect(assigned.new.map(\.gap.id) == ["lab"], "an assignment is news, though no gap event came")
        #expect(try await reader.inbox(party: "uppsala", since: assigned.mark).new.isEmpty)

        // A comment changes the follow-up: new again.
        followUp.apply(GapFollowUp(gap: "lab", action: .comment, by: "uppsala", text: "Vi tar det i maj."))
        state.followUps["lab"] = followUp
        _ = try await store.mirror(state: state, gaps: gaps, stateSequence: 3)
        #expect(try await reader.inbox(party: "uppsala", since: assigned.mark).new.map(\.gap.id) == ["lab"])
    }

    @Test func anInboxMarkReadsItsOwnTextAndTheOlderBareNumber() throws {
        let mark = InboxMark(event: 42, followUps: ["lab": #"{"assignee":"uppsala"}"#])
        #expect(InboxMark(text: try mark.text()) == mark)
        #expect(InboxMark(text: "17\n") == InboxMark(event: 17))
        #expect(InboxMark(text: "not a mark") == nil)
    }
}
