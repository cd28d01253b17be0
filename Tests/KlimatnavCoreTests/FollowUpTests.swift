import Foundation
import Testing

@testable import KlimatnavCore

/// Following up a gap (`gap.followup`, protocol section 17): who may, what the state keeps,
/// which gaps may be named.
@Suite struct FollowUpTests {
    static let gapID = "ambition-gap:enkoping.fossil-free"
    static let late = Goal(
        id: "enkoping.fossil-free", party: "enkoping", scopes: [1, 2], word: .fossilFree, targetYear: 2050, text: "fossil-free 2050")
    static let setup: [DomainEvent] = [
        Fx.municipality("enkoping", "Enköping"), Fx.municipality("lund", "Lund"), Fx.sweden, Fx.swedenGoal,
        Fx.party("viable-cities", .coordinator, .national, "Viable Cities"),
        Fx.party("formas", .agency, .national, "Formas"),
    ]

    static func step(
        _ action: GapFollowUpAction, by: PartyID, gap: String = gapID, assignee: PartyID? = nil, role: String? = nil, due: String? = nil,
        text: String? = nil
    ) -> DomainEvent {
        .gapFollowedUp(GapFollowUp(gap: gap, action: action, by: by, assignee: assignee, role: role, due: due, text: text))
    }

    static let assignToEnkoping = step(.assign, by: "viable-cities", assignee: "enkoping", role: "klimatstrateg", due: "2027-03-31")

    func allowed(_ event: DomainEvent, from sender: PartyID, in state: WorldState) -> Authorization.Refusal? {
        Authorization.check(event, from: state.parties[sender]!, in: state)
    }

    @Test func theCoordinatorMayDoEverythingAndTheAssigneeMayCommentAndAcknowledge() throws {
        var state = try Fx.state(Self.setup)
        for action in GapFollowUpAction.allCases {
            let event = action == .assign ? Self.assignToEnkoping : Self.step(action, by: "viable-cities", text: "x")
            #expect(allowed(event, from: "viable-cities", in: state) == nil, "coordinator \(action)")
        }
        // Before the assignment, Enköping may not even comment.
        #expect(allowed(Self.step(.comment, by: "enkoping", text: "we disagree"), from: "enkoping", in: state) != nil)
        try state.apply(Self.assignToEnkoping)
        #expect(allowed(Self.step(.comment, by: "enkoping", text: "we disagree"), from: "enkoping", in: state) == nil)
        #expect(allowed(Self.step(.acknowledge, by: "enkoping"), from: "enkoping", in: state) == nil)
        let dismiss = try #require(allowed(Self.step(.dismiss, by: "enkoping", text: "not ours"), from: "enkoping", in: state))
        #expect(dismiss.message.contains("only the coordinator may dismiss"))
        // Another party, and a body naming someone else than the sender, are refused.
        #expect(allowed(Self.step(.comment, by: "lund", text: "hm"), from: "lund", in: state) != nil)
        #expect(allowed(Self.step(.comment, by: "formas", text: "hm"), from: "formas", in: state) != nil)
        let impersonation = try #require(allowed(Self.step(.comment, by: "viable-cities", text: "hm"), from: "enkoping", in: state))
        #expect(impersonation.message.contains("'by'"))
    }

    @Test func theStateKeepsTheFollowUpAndASnapshotRebuildsIt() throws {
        var state = try Fx.state(Self.setup)
        try state.apply(Self.step(.acknowledge, by: "viable-cities"))
        try state.apply(Self.assignToEnkoping)
        try state.apply(Self.step(.comment, by: "enkoping", text: "Vi ser över målet 2026."))
        try state.apply(Self.step(.dismiss, by: "viable-cities", text: "2050 gäller konsumtionen"))
        let followUp = try #require(state.followUps[Self.gapID])
        #expect(followUp.acknowledgedBy == "viable-cities")
        #expect(followUp.assignee == "enkoping" && followUp.role == "klimatstrateg" && followUp.due == "2027-03-31")
        #expect(followUp.comments == [FollowUpComment(by: "enkoping", text: "Vi ser över målet 2026.")])
        #expect(followUp.isDismissed && followUp.dismissReason == "2050 gäller konsumtionen")
        #expect(try WorldState(applying: state.events()) == state)
        try state.apply(Self.step(.undismiss, by: "viable-cities"))
        #expect(state.followUps[Self.gapID]?.isDismissed == false)
        // A note with an assignment is kept as a comment.
        try state.apply(Self.step(.assign, by: "viable-cities", assignee: "lund", role: "miljöstrateg", text: "Lund tar över."))
        #expect(state.followUps[Self.gapID]?.comments.last == FollowUpComment(by: "viable-cities", text: "Lund tar över."))
        #expect(try WorldState(applying: state.events()) == state)
    }

    @Test func badValuesAreRefusedWithTheStateUnchanged() throws {
        var state = try Fx.state(Self.setup)
        let before = state
        func code(_ event: DomainEvent) -> StateError.Code? {
            do { try state.apply(event) } catch { return error.code }
            return nil
        }
        #expect(code(Self.step(.assign, by: "viable-cities", assignee: "nobody", role: "r")) == .unknownParty)
        #expect(code(Self.step(.dismiss, by: "viable-cities", text: "  ")) == .invalidValue)
        #expect(code(Self.step(.assign, by: "viable-cities", assignee: "lund", role: "r", due: "31/3 2027")) == .invalidValue)
        #expect(code(Self.step(.assign, by: "viable-cities", assignee: "lund", role: "")) == .invalidValue)
        #expect(code(Self.step(.undismiss, by: "viable-cities")) == .invalidValue)
        #expect(code(Self.step(.comment, by: "viable-cities", gap: "", text: "x")) == .invalidValue)
        #expect(state == before)
    }

    @Test func aFollowUpMustNameAGapTheTrackerHasFound() throws {
        var tracker = GapTracker(state: try Fx.state(Self.setup))
        let unknown = Self.step(.comment, by: "viable-cities", text: "x")
        do {
            try tracker.apply(unknown)
            Issue.record("a follow-up of an unknown gap was accepted")
        } catch {
            #expect(error.code == .unknownGap)
            #expect(error.message.contains(Self.gapID))
        }
        try tracker.apply(.goalAsserted(Self.late))
        #expect(tracker.gapsByID[Self.gapID] != nil)
        try tracker.apply(Self.assignToEnkoping)
        // Resolved (the goal withdrawn), the gap may still be followed up.
        try tracker.apply(.goalWithdrawn(goalID: Self.late.id, party: "enkoping"))
        #expect(tracker.gapsByID[Self.gapID] == nil)
        try tracker.apply(Self.step(.comment, by: "viable-cities", text: "löst"))
        // A tracker made later learns the resolved gaps from the hub's log.
        var fresh = GapTracker(state: try Fx.state(Self.setup))
        #expect(!fresh.knowsGap("reporting-gap:lund/3.8"))
        fresh.noteKnownGaps(["reporting-gap:lund/3.8"])
        #expect(fresh.knowsGap("reporting-gap:lund/3.8"))
    }

    @Test func followUpsChangeNoGap() throws {
        var tracker = GapTracker(state: try Fx.state(Self.setup + [.goalAsserted(Self.late)]))
        let gaps = tracker.gaps
        #expect(try tracker.apply(Self.assignToEnkoping).isEmpty)
        #expect(try tracker.apply(Self.step(.dismiss, by: "viable-cities", text: "fel regel")).isEmpty)
        #expect(tracker.gaps == gaps)
    }
}
