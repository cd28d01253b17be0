import Testing

@testable import KlimatnavCore

@Suite struct RegionalHubGapTests {
    let base: [DomainEvent] = [
        Fx.municipality("malmo", "Malmö"), Fx.municipality("enkoping", "Enköping"), Fx.municipality("uppsala", "Uppsala"),
        Fx.party("stuns", .regionalHub, .regional, "STUNS"),
    ]

    @Test func municipalityWithout37AndWithoutHub() throws {
        let gaps = try Fx.gaps(.regionalHubGap, base).filter { $0.parties == ["malmo"] }
        #expect(gaps.map(\.id) == ["regional-hub-gap:malmo:no-hub-membership", "regional-hub-gap:malmo:no-hub-section"])
        #expect(gaps[1].summary == "Malmö's contract has no section 3.7 on acting as a regional innovation hub.")
    }

    @Test func hubMembersWithoutTargetYear() throws {
        let events =
            base + Fx.complete("enkoping") + Fx.complete("uppsala") + [
                .membershipJoined(Membership(hub: "stuns", member: "enkoping")),
                .membershipJoined(Membership(hub: "stuns", member: "uppsala")),
                .goalAsserted(Fx.goodGoal("uppsala.ff", "uppsala")),
                .goalAsserted(Goal(id: "enkoping.smart", party: "enkoping", word: .climateSmart)),
            ]
        let gaps = try Fx.gaps(.regionalHubGap, events).filter { !$0.parties.contains("malmo") }
        #expect(gaps.map(\.id) == ["regional-hub-gap:stuns:members-without-target-year"])
        #expect(gaps[0].summary == "STUNS has members with no climate target year: Enköping.")
        let fixed = events + [.goalAsserted(Goal(id: "enkoping.smart", party: "enkoping", word: .climateSmart, targetYear: 2050))]
        #expect(try Fx.gaps(.regionalHubGap, fixed).filter { !$0.parties.contains("malmo") }.isEmpty)
    }

    @Test func theCoordinatorsFindingOn37IsAJointGap() throws {
        let events: [DomainEvent] = [
            Fx.party("viable-cities", .coordinator, .national, "Viable Cities"),
            .commitmentStated(
                Commitment(party: "viable-cities", section: .regionalHub, status: .nothingDescribed, summary: "Purpose unclear.")),
        ]
        let gaps = try Fx.gaps(.regionalHubGap, events)
        #expect(gaps.map(\.id) == ["regional-hub-gap:viable-cities:section-purpose"])
        #expect(gaps[0].summary.hasSuffix("Purpose unclear."))
    }

    @Test func membershipOfANonHubDoesNotCount() throws {
        let events =
            base + Fx.complete("malmo") + [
                Fx.party("network", .coordinator, .national, "Network"),
                .membershipJoined(Membership(hub: "network", member: "malmo")),
            ]
        #expect(try Fx.ids(.regionalHubGap, events).contains("regional-hub-gap:malmo:no-hub-membership"))
    }
}
