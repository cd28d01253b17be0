import Testing

@testable import KlimatnavCore

@Suite struct RoadmapMisalignmentTests {
    let parties: [DomainEvent] = [
        Fx.municipality("malmo", "Malmö"), Fx.municipality("lund", "Lund"),
        Fx.party("fossilfritt", .roadmapOwner, .industry, "Fossilfritt Sverige"),
    ]
    func roadmap(
        _ id: String = "construction", year: Int?, level: Level = .industry, parent: String? = nil,
        signatories: [PartyID] = ["malmo"]
    ) -> DomainEvent {
        .roadmapPublished(
            Roadmap(
                id: id, owner: "fossilfritt", name: "Construction roadmap \(id)", level: level,
                sector: "construction", targetYear: year, word: .fossilFree,
                signatories: signatories, parent: parent))
    }

    @Test func sectorGoalEarlierThanRoadmap() throws {
        let events =
            parties + [
                .goalAsserted(Fx.goodGoal("malmo.construction", "malmo", year: 2030, sector: "construction")),
                .goalAsserted(Fx.goodGoal("malmo.general", "malmo", year: 2045)),
                roadmap(year: 2045),
            ]
        let gap = try #require(try Fx.gaps(.roadmapMisalignment, events).first)
        #expect(gap.id == "roadmap-misalignment:construction:malmo")
        #expect(
            gap.summary
                == "Malmö's goal 'fossil-free 2030' for construction aims at 2030, but the roadmap 'Construction roadmap construction' it signed aims only at 2045."
        )
        #expect(gap.levels == [.local, .industry])
    }

    @Test func generalGoalCoversSectorAndMatchingYearIsFine() throws {
        let mismatch = parties + [.goalAsserted(Fx.goodGoal("malmo.general", "malmo", year: 2030)), roadmap(year: 2040)]
        #expect(try Fx.ids(.roadmapMisalignment, mismatch) == ["roadmap-misalignment:construction:malmo"])
        let aligned = parties + [.goalAsserted(Fx.goodGoal("malmo.general", "malmo", year: 2040)), roadmap(year: 2040)]
        #expect(try Fx.ids(.roadmapMisalignment, aligned).isEmpty)
        // Not a signatory: nothing.
        let unsigned = parties + [.goalAsserted(Fx.goodGoal("lund.general", "lund", year: 2030)), roadmap(year: 2040)]
        #expect(try Fx.ids(.roadmapMisalignment, unsigned).isEmpty)
    }

    @Test func roadmapLaterThanParentAndReference() throws {
        let events =
            parties + [
                Fx.sweden, Fx.swedenGoal, Fx.eu, Fx.euGoal,
                roadmap("national", year: 2045, signatories: []),
                roadmap("regional", year: 2050, level: .regional, parent: "national", signatories: []),
            ]
        let ids = try Fx.ids(.roadmapMisalignment, events)
        #expect(ids == ["roadmap-misalignment:regional:parent", "roadmap-misalignment:regional:reference:national"])
        let gaps = try Fx.gaps(.roadmapMisalignment, events)
        #expect(gaps[1].summary == "The roadmap 'Construction roadmap regional' aims at 2050, later than Sweden's net-zero goal (2045).")
        #expect(gaps[1].evidence.contains("goal:sweden.net-zero (national reference, 2045)"))
    }

    @Test func runningAheadIsLeadershipNotMisalignment() throws {
        // A local roadmap ahead of its parent (LFM2030's 2030 against the national 2045).
        let ahead =
            parties + [
                roadmap("national", year: 2045, signatories: []),
                roadmap("local", year: 2030, level: .local, parent: "national", signatories: []),
            ]
        #expect(try Fx.ids(.roadmapMisalignment, ahead).isEmpty)
        // A party whose own goal is later than the roadmap it signed does not depend on a slower roadmap.
        let laterGoal = parties + [.goalAsserted(Fx.goodGoal("malmo.general", "malmo", year: 2050)), roadmap(year: 2040)]
        #expect(try Fx.ids(.roadmapMisalignment, laterGoal).isEmpty)
    }

    @Test func referenceTargetsFoundByKindNotId() throws {
        let events =
            parties + [
                Fx.party("kingdom", .reference, .national, "Kingdom"),
                .goalAsserted(Goal(id: "k.nz", party: "kingdom", scopes: [1, 2], word: .climateNeutral, targetYear: 2040)),
                roadmap(year: 2045, signatories: []),
            ]
        let gap = try #require(try Fx.gaps(.roadmapMisalignment, events).first)
        #expect(gap.id == "roadmap-misalignment:construction:reference:national")
        #expect(gap.summary.contains("Kingdom's net-zero goal (2040)"))
    }
}
