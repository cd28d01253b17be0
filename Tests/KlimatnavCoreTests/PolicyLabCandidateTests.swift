import Testing

@testable import KlimatnavCore

@Suite struct PolicyLabCandidateTests {
    let parties: [DomainEvent] = [
        Fx.municipality("stockholm", "Stockholm"), Fx.municipality("lund", "Lund"),
        Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
    ]
    func barrier(_ reporters: [PartyID], level: Level = .national, topics: [String] = []) -> DomainEvent {
        .barrierReported(
            RegulatoryBarrier(
                id: "energy-boundary", title: "Energy system boundary at a single building",
                changeLevel: level, reportedBy: reporters, affectedTopics: topics))
    }

    @Test func twoReportersNationalBarrierIsACandidate() throws {
        let gaps = try Fx.gaps(.policyLabCandidate, parties + [barrier(["stockholm", "lund"])])
        let gap = try #require(gaps.first)
        #expect(gap.id == "policy-lab-candidate:energy-boundary")
        #expect(gap.parties == ["lund", "stockholm"])
        #expect(
            gap.summary
                == "The barrier 'Energy system boundary at a single building' blocks Lund and Stockholm, can only be changed at national level, and no policy lab is open for it."
        )
    }

    @Test func oneReporterWithBlockedInvestmentAreaIsACandidate() throws {
        let area = DomainEvent.investmentAreaRaised(
            InvestmentArea(id: "stockholm.solar", party: "stockholm", topic: "solar", title: "Solar", needsLevels: [.national]))
        #expect(try Fx.gaps(.policyLabCandidate, parties + [area, barrier(["stockholm"], topics: ["solar"])]).count == 1)
        #expect(try Fx.gaps(.policyLabCandidate, parties + [area, barrier(["stockholm"], topics: ["heat"])]).isEmpty)
    }

    @Test func negativeCases() throws {
        // Local change level, resolved, or an open lab: no candidate.
        #expect(try Fx.gaps(.policyLabCandidate, parties + [barrier(["stockholm", "lund"], level: .local)]).isEmpty)
        let resolved = parties + [barrier(["stockholm", "lund"]), .barrierResolved(barrierID: "energy-boundary", by: "energimyndigheten")]
        #expect(try Fx.gaps(.policyLabCandidate, resolved).isEmpty)
        let lab =
            parties + [
                barrier(["stockholm", "lund"]), .policyLabOpened(PolicyLab(id: "lab", barrier: "energy-boundary", parties: ["stockholm"])),
            ]
        #expect(try Fx.gaps(.policyLabCandidate, lab).isEmpty)
        // A closed lab does not count.
        #expect(try Fx.gaps(.policyLabCandidate, lab + [.policyLabClosed(labID: "lab")]).count == 1)
        // EU-level barriers count too.
        #expect(try Fx.gaps(.policyLabCandidate, parties + [barrier(["stockholm", "lund"], level: .eu)]).count == 1)
    }
}
