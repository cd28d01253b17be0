import Testing
@testable import KlimatnavCore

@Suite struct ReportingGapTests {
    let uppsala = Fx.municipality("uppsala", "Uppsala")

    @Test func completeMunicipalityHasNoGaps() throws {
        let events = [uppsala] + Fx.complete("uppsala") + [.goalAsserted(Goal(id: "c", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050))]
        #expect(try Fx.gaps(.reportingGap, events).isEmpty)
    }

    @Test func nothingDescribedUnder38() throws {
        let events = [uppsala] + Fx.complete("uppsala") + [
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
        #expect(ids == ["reporting-gap:uppsala:3.1", "reporting-gap:uppsala:3.2", "reporting-gap:uppsala:3.3",
                        "reporting-gap:uppsala:3.4", "reporting-gap:uppsala:3.5", "reporting-gap:uppsala:3.6",
                        "reporting-gap:uppsala:3.8", "reporting-gap:uppsala:adaptation", "reporting-gap:uppsala:scope3-indicator"])
        let general = [uppsala] + Fx.complete("uppsala") + [
            .commitmentStated(Commitment(party: "uppsala", section: .reporting, status: .general)),
            .goalAsserted(Goal(id: "c", party: "uppsala", scopes: [1, 2, 3], targetYear: 2050)),
        ]
        #expect(try Fx.ids(.reportingGap, general) == ["reporting-gap:uppsala:scope3-indicator"])
    }

    @Test func agenciesWithoutCommitmentsAreNotChecked() throws {
        #expect(try Fx.gaps(.reportingGap, [Fx.party("vinnova", .agency, .national, "Vinnova")]).isEmpty)
    }
}
