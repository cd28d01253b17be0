import Testing

@testable import KlimatnavCore

@Suite struct GovernanceGapTests {
    let base: [DomainEvent] = [
        Fx.municipality("goteborg", "Göteborg"),
        Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
        Fx.party("vinnova", .agency, .national, "Vinnova"),
        .investmentAreaRaised(
            InvestmentArea(
                id: "goteborg.hydrogen", party: "goteborg", topic: "hydrogen-infrastructure",
                title: "Hydrogen infrastructure", needsLevels: [.national, .local])),
    ]

    @Test func unclaimedTopicIsAGap() throws {
        let gaps = try Fx.gaps(.governanceGap, base)
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.id == "governance-gap:hydrogen-infrastructure:national")
        #expect(
            gap.summary == "Göteborg says hydrogen infrastructure needs national action, but no national party has claimed responsibility.")
        #expect(gap.parties == ["goteborg"])
        #expect(gap.levels == [.local, .national])
        #expect(gap.evidence.contains { $0.hasPrefix("investment-area:goteborg.hydrogen") })
    }

    @Test func oneClaimantClosesTheGap() throws {
        let events =
            base + [
                .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national))
            ]
        #expect(try Fx.gaps(.governanceGap, events).isEmpty)
        // A claim at another level does not count.
        let regional =
            base + [
                .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .regional))
            ]
        #expect(try Fx.ids(.governanceGap, regional) == ["governance-gap:hydrogen-infrastructure:national"])
    }

    @Test func severalClaimantsMeanUnclearRoles() throws {
        let events =
            base + [
                .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national)),
                .responsibilityClaimed(ResponsibilityClaim(party: "vinnova", topic: "hydrogen-infrastructure", level: .national)),
            ]
        let gap = try #require(try Fx.gaps(.governanceGap, events).first)
        #expect(gap.id == "governance-gap:hydrogen-infrastructure:national")
        #expect(gap.summary.contains("Energimyndigheten and Vinnova both claim responsibility"))
        #expect(gap.parties == ["energimyndigheten", "goteborg", "vinnova"])
    }

    @Test func ownLevelIsNotAskedOfOthersAndReleaseReopens() throws {
        let ownLevelOnly =
            Array(base.prefix(3)) + [
                .investmentAreaRaised(
                    InvestmentArea(id: "a", party: "goteborg", topic: "zones", title: "Zero-emission zones", needsLevels: [.local]))
            ]
        #expect(try Fx.gaps(.governanceGap, ownLevelOnly).isEmpty)
        let claim = ResponsibilityClaim(party: "vinnova", topic: "hydrogen-infrastructure", level: .national)
        let released = base + [.responsibilityClaimed(claim), .responsibilityReleased(claim)]
        #expect(try Fx.gaps(.governanceGap, released).count == 1)
    }

    @Test func aLevelWithNoPartyHasNoGap() throws {
        // Only a reference level at EU: nobody there could claim, so no EU gap.
        let events =
            base + [
                Fx.eu,
                .investmentAreaRaised(
                    InvestmentArea(
                        id: "g.ccs", party: "goteborg", topic: "ccs",
                        title: "CCS", needsLevels: [.eu])),
            ]
        #expect(try Fx.ids(.governanceGap, events) == ["governance-gap:hydrogen-infrastructure:national"])
        // An EU party makes the level modelled, and the unclaimed topic a gap.
        let withEU = events + [Fx.party("eu-mission", .agency, .eu, "EU mission")]
        #expect(try Fx.ids(.governanceGap, withEU) == ["governance-gap:ccs:eu", "governance-gap:hydrogen-infrastructure:national"])
    }

    @Test func claimantsWithTheCoordinatorAreAJointCommitment() throws {
        let events =
            base + [
                Fx.party("viable-cities", .coordinator, .national, "Viable Cities"),
                .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national)),
                .responsibilityClaimed(ResponsibilityClaim(party: "vinnova", topic: "hydrogen-infrastructure", level: .national)),
                .responsibilityClaimed(ResponsibilityClaim(party: "viable-cities", topic: "hydrogen-infrastructure", level: .national)),
            ]
        #expect(try Fx.gaps(.governanceGap, events).isEmpty)
    }

    @Test func theCoordinatorMayNameANeedAtItsOwnLevel() throws {
        let events =
            base + [
                Fx.party("viable-cities", .coordinator, .national, "Viable Cities"),
                .investmentAreaRaised(
                    InvestmentArea(
                        id: "vc.law", party: "viable-cities", topic: "framework-law",
                        title: "A framework law", needsLevels: [.national])),
            ]
        let gap = try #require(try Fx.gaps(.governanceGap, events).first { $0.topic == "framework-law" })
        #expect(
            gap.summary == "Viable Cities says a framework law needs national action, but no national party has claimed responsibility.")
    }
}
