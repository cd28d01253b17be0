import Testing
@testable import KlimatnavCore

@Suite struct GovernanceGapTests {
    let base: [DomainEvent] = [
        Fx.municipality("goteborg", "Göteborg"),
        Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
        Fx.party("vinnova", .agency, .national, "Vinnova"),
        .investmentAreaRaised(InvestmentArea(id: "goteborg.hydrogen", party: "goteborg", topic: "hydrogen-infrastructure",
                                             title: "Hydrogen infrastructure", needsLevels: [.national, .local])),
    ]

    @Test func unclaimedTopicIsAGap() throws {
        let gaps = try Fx.gaps(.governanceGap, base)
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.id == "governance-gap:hydrogen-infrastructure:national")
        #expect(gap.summary == "Göteborg says hydrogen infrastructure needs national action, but no national party has claimed responsibility.")
        #expect(gap.parties == ["goteborg"])
        #expect(gap.levels == [.local, .national])
        #expect(gap.evidence.contains { $0.hasPrefix("investment-area:goteborg.hydrogen") })
    }

    @Test func oneClaimantClosesTheGap() throws {
        let events = base + [.responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national))]
        #expect(try Fx.gaps(.governanceGap, events).isEmpty)
        // A claim at another level does not count.
        let regional = base + [.responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .regional))]
        #expect(try Fx.ids(.governanceGap, regional) == ["governance-gap:hydrogen-infrastructure:national"])
    }

    @Test func severalClaimantsMeanUnclearRoles() throws {
        let events = base + [
            .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national)),
            .responsibilityClaimed(ResponsibilityClaim(party: "vinnova", topic: "hydrogen-infrastructure", level: .national)),
        ]
        let gap = try #require(try Fx.gaps(.governanceGap, events).first)
        #expect(gap.id == "governance-gap:hydrogen-infrastructure:national")
        #expect(gap.summary.contains("Energimyndigheten and Vinnova both claim responsibility"))
        #expect(gap.parties == ["energimyndigheten", "goteborg", "vinnova"])
    }

    @Test func ownLevelIsNotAskedOfOthersAndReleaseReopens() throws {
        let ownLevelOnly = Array(base.prefix(3)) + [
            .investmentAreaRaised(InvestmentArea(id: "a", party: "goteborg", topic: "zones", title: "Zero-emission zones", needsLevels: [.local]))
        ]
        #expect(try Fx.gaps(.governanceGap, ownLevelOnly).isEmpty)
        let claim = ResponsibilityClaim(party: "vinnova", topic: "hydrogen-infrastructure", level: .national)
        let released = base + [.responsibilityClaimed(claim), .responsibilityReleased(claim)]
        #expect(try Fx.gaps(.governanceGap, released).count == 1)
    }
}
