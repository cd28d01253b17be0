import Testing

@testable import KlimatnavCore

/// Who reports a barrier and whom it blocks are different facts (`reportedBy`, `affects`).
@Suite struct BarrierAffectsTests {
    let parties: [DomainEvent] = [
        Fx.municipality("malmo", "Malmö"), Fx.municipality("lund", "Lund"),
        Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
    ]
    let byAgency = RegulatoryBarrier(
        id: "boundary", title: "Energy system boundary at a single building", changeLevel: .national,
        reportedBy: ["energimyndigheten"], affects: ["lund", "malmo"])

    @Test func anAgencyReportsABarrierThatBlocksTwoMunicipalities() throws {
        let gaps = try Fx.gaps(.policyLabCandidate, parties + [.barrierReported(byAgency)])
        let gap = try #require(gaps.first)
        #expect(gap.parties == ["lund", "malmo"])
        #expect(gap.evidence.contains("reported by energimyndigheten"))
        #expect(gap.evidence.contains("blocks lund") && gap.evidence.contains("blocks malmo"))
    }

    @Test func theHubAcceptsItFromTheAgencyAndNamesTheRuleWhenTheReporterIsNotTheSender() throws {
        var state = WorldState()
        for event in parties { try state.apply(event) }
        let agency = try #require(state.parties["energimyndigheten"])
        #expect(Authorization.check(.barrierReported(byAgency), from: agency, in: state) == nil)
        var wrong = byAgency
        wrong.reportedBy = ["lund", "malmo"]
        let refusal = try #require(Authorization.check(.barrierReported(wrong), from: agency, in: state))
        #expect(refusal.message.contains("'reportedBy' must be exactly [energimyndigheten]"))
        #expect(refusal.message.contains("'affects'"))
    }

    @Test func reportsOfOneBarrierMergeTheirBlockedParties() throws {
        var state = WorldState()
        for event in parties { try state.apply(event) }
        let own = RegulatoryBarrier(id: "boundary", title: "x", changeLevel: .national, reportedBy: ["malmo"])
        try state.apply(.barrierReported(own))
        #expect(state.barriers["boundary"]?.blockedParties == ["malmo"])
        try state.apply(.barrierReported(byAgency))
        #expect(state.barriers["boundary"]?.blockedParties == ["lund", "malmo"])
        #expect(state.barriers["boundary"]?.reportedBy == ["energimyndigheten", "malmo"])
    }

    @Test func anUnknownBlockedPartyIsRefused() throws {
        var state = WorldState()
        for event in parties { try state.apply(event) }
        var unknown = byAgency
        unknown.affects = ["nowhere"]
        #expect(throws: StateError.self) { try state.apply(.barrierReported(unknown)) }
    }
}
