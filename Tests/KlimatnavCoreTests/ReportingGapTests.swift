import Testing

@testable import KlimatnavCore

@Suite struct ReportingGapTests {
    let uppsala = Fx.municipality("uppsala", "Uppsala")

    @Test func completeMunicipalityHasNoGaps() throws {
        let events =
            [uppsala] + Fx.complete("uppsala") + [.goalAsserted(Goal(id: "c", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050))]
        #expect(try Fx.gaps(.reportingGap, events).isEmpty)
    }

    @Test func nothingDescribedUnder38() throws {
        let events =
            [uppsala] + Fx.complete("uppsala") + [
                .commitmentStated(Commitment(party: "uppsala", section: .reporting, status: .nothingDescribed, scope3Indicator: true))
            ]
        let gap = try #require(try Fx.gaps(.reportingGap, events).first)
        #expect(gap.id == "reporting-gap:uppsala:3.8")
        #expect(gap.summary == "Uppsala's contract describes nothing under 3.8 (reporting and follow-up).")
    }

    @Test func missingSectionsScope3AndAdaptation() throws {
        let events: [DomainEvent] = [uppsala, .goalAsserted(Goal(id: "c", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050))]
        let ids = try Fx.ids(.reportingGap, events)
        // 3.7 is the regional-hub rule's; general text is not a gap.
        #expect(
            ids == [
                "reporting-gap:uppsala:3.1", "reporting-gap:uppsala:3.2", "reporting-gap:uppsala:3.3",
                "reporting-gap:uppsala:3.4", "reporting-gap:uppsala:3.5", "reporting-gap:uppsala:3.6",
                "reporting-gap:uppsala:3.8", "reporting-gap:uppsala:adaptation", "reporting-gap:uppsala:scope3-indicator",
            ])
        let general =
            [uppsala] + Fx.complete("uppsala") + [
                .commitmentStated(Commitment(party: "uppsala", section: .reporting, status: .general)),
                .goalAsserted(Goal(id: "c", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050)),
            ]
        #expect(try Fx.ids(.reportingGap, general) == ["reporting-gap:uppsala:scope3-indicator"])
    }

    @Test func scope3FollowUpIsOneJointGapUnderTheCoordinator() throws {
        let lund = Fx.municipality("lund", "Lund")
        let coordinator = Fx.party("viable-cities", .coordinator, .national, "Viable Cities")
        let goals: [DomainEvent] = [
            .goalAsserted(Goal(id: "u", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050)),
            .goalAsserted(Goal(id: "l", party: "lund", scopes: [1, 2, 3], targetYear: 2050)),
        ]
        let noIndicator: [DomainEvent] = ["uppsala", "lund"].map {
            .commitmentStated(Commitment(party: $0, section: .reporting, status: .described))
        }
        let events = [uppsala, lund, coordinator] + Fx.complete("uppsala") + Fx.complete("lund") + noIndicator + goals
        let gaps = try Fx.gaps(.reportingGap, events)
        try #require(gaps.map(\.id) == ["reporting-gap:viable-cities:scope3-indicator"])
        #expect(gaps[0].parties == ["lund", "uppsala", "viable-cities"])
        #expect(gaps[0].summary.hasPrefix("Lund and Uppsala have consumption (scope-3) goals but no scope-3 indicator"))
        // An indicator takes a municipality off the joint gap.
        let indicator = DomainEvent.commitmentStated(
            Commitment(party: "lund", section: .reporting, status: .described, scope3Indicator: true))
        #expect(try Fx.gaps(.reportingGap, events + [indicator]).first?.parties == ["uppsala", "viable-cities"])
    }

    @Test func theCoordinatorsFindingsOnTheCommonTextAreJointGaps() throws {
        let coordinator = Fx.party("viable-cities", .coordinator, .national, "Viable Cities")
        let events: [DomainEvent] = [
            coordinator,
            .commitmentStated(Commitment(party: "viable-cities", section: .adaptation, status: .absent, summary: "No adaptation section.")),
            .commitmentStated(Commitment(party: "viable-cities", section: .reporting, status: .described)),
        ]
        let gaps = try Fx.gaps(.reportingGap, events)
        // The coordinator is not asked for sections 3.1-3.8 of its own.
        #expect(gaps.map(\.id) == ["reporting-gap:viable-cities:adaptation"])
        #expect(gaps[0].summary == "Joint finding on all the contracts (climate adaptation): No adaptation section.")
    }

    @Test func agenciesWithoutCommitmentsAreNotChecked() throws {
        #expect(try Fx.gaps(.reportingGap, [Fx.party("vinnova", .agency, .national, "Vinnova")]).isEmpty)
    }
}
