import Testing

@testable import KlimatnavCore

@Suite struct WorldStateApplyTests {
    func expectRejected(_ event: DomainEvent, _ code: StateError.Code, in state: WorldState) {
        var copy = state
        do {
            try copy.apply(event)
            Issue.record("expected \(code) for \(event.name)")
        } catch {
            #expect(error.code == code)
        }
        #expect(copy == state)
    }

    @Test func errorsLeaveTheStateUnchanged() throws {
        let state = try Fx.state([
            Fx.municipality("lund", "Lund"),
            .barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["lund"])),
        ])
        expectRejected(.goalAsserted(Goal(id: "x.g", party: "ghost")), .unknownParty, in: state)
        expectRejected(.goalAsserted(Goal(id: "g", party: "lund", baseYear: 2030, targetYear: 2020)), .invalidValue, in: state)
        expectRejected(.goalAsserted(Goal(id: "g", party: "lund", targetYear: 3000)), .invalidValue, in: state)
        expectRejected(.goalAsserted(Goal(id: "g", party: "lund", interimOf: "none")), .unknownGoal, in: state)
        expectRejected(.goalWithdrawn(goalID: "none", party: "lund"), .unknownGoal, in: state)
        expectRejected(
            .roadmapPublished(Roadmap(id: "r", owner: "lund", name: "R", level: .local, signatories: ["ghost"])), .unknownParty, in: state)
        expectRejected(
            .roadmapPublished(Roadmap(id: "r", owner: "lund", name: "R", level: .local, parent: "none")), .unknownRoadmap, in: state)
        expectRejected(.milestoneAdded(roadmapID: "none", milestone: Milestone(year: 2030, text: "")), .unknownRoadmap, in: state)
        // A second report with an unknown reporter must not merge anything.
        expectRejected(
            .barrierReported(
                RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["lund", "ghost"], affectedTopics: ["t"])),
            .unknownParty, in: state)
        expectRejected(.barrierResolved(barrierID: "none", by: "lund"), .unknownBarrier, in: state)
        expectRejected(.barrierAssigned(barrierID: "b", agency: "ghost"), .unknownParty, in: state)
        expectRejected(.policyLabOpened(PolicyLab(id: "l", barrier: "none", parties: [])), .unknownBarrier, in: state)
        expectRejected(.policyLabOpened(PolicyLab(id: "l", barrier: "b", parties: ["ghost"])), .unknownParty, in: state)
        expectRejected(.policyLabClosed(labID: "none"), .unknownPolicyLab, in: state)
        expectRejected(.membershipJoined(Membership(hub: "ghost", member: "lund")), .unknownParty, in: state)
        expectRejected(.commitmentStated(Commitment(party: "ghost", section: .goals, status: .described)), .unknownParty, in: state)
        expectRejected(
            .investmentAreaRaised(InvestmentArea(id: "a", party: "ghost", topic: "t", title: "", needsLevels: [])), .unknownParty, in: state
        )
        expectRejected(.responsibilityClaimed(ResponsibilityClaim(party: "ghost", topic: "t", level: .national)), .unknownParty, in: state)
    }

    @Test func initApplyingThrowsOnFirstBadEvent() {
        #expect(throws: StateError.self) {
            _ = try WorldState(applying: [Fx.municipality("lund", "Lund"), .goalWithdrawn(goalID: "x", party: "lund")])
        }
    }
}
