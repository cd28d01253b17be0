import Testing

@testable import KlimatnavCore

@Suite struct AmbitionGapTests {
    let parties: [DomainEvent] = [Fx.municipality("enkoping", "Enköping"), Fx.sweden, Fx.swedenGoal, Fx.eu, Fx.euGoal]

    @Test func endGoalLaterThanNational() throws {
        let goal = Goal(
            id: "enkoping.fossil-free", party: "enkoping", scopes: [1, 2], word: .fossilFree, targetYear: 2050, text: "fossil-free 2050")
        let gap = try #require(try Fx.gaps(.ambitionGap, parties + [.goalAsserted(goal)]).first)
        #expect(gap.id == "ambition-gap:enkoping.fossil-free")
        #expect(gap.summary == "Enköping's goal 'fossil-free 2050' aims at 2050, later than Sweden's net-zero goal (2045).")
        #expect(gap.parties == ["enkoping", "sweden"])
        #expect(gap.levels == [.local, .national])
    }

    @Test func withoutReferencePartiesTheConfigurationIsUsed() throws {
        let goal = Goal(id: "g", party: "enkoping", scopes: [1, 2], word: .fossilFree, targetYear: 2050)
        let gap = try #require(try Fx.gaps(.ambitionGap, [Fx.municipality("enkoping", "Enköping"), .goalAsserted(goal)]).first)
        #expect(gap.summary.contains("the national net-zero year (2045)"))
    }

    @Test func slowRateIsAGapWithAllReferences() throws {
        // -50 % by 2040 from 2020: 1 - 0.5^(1/20) = 3.41 %/yr.
        let goal = Goal(
            id: "slow", party: "enkoping", scopes: [1, 2], reductionPercent: 50, baseYear: 2020, basis: .absolute, targetYear: 2040)
        let gap = try #require(try Fx.gaps(.ambitionGap, parties + [.goalAsserted(goal)]).first)
        #expect(gap.summary == "Enköping's goal 'slow' implies 3.4 %/yr from 2020, below the Carbon Law bar of 7 %/yr.")
        #expect(gap.evidence.contains("rate from 2020: 3.41 %/yr vs Carbon Law 7 %/yr, fair share 10-14 %/yr, Klimatkollen 11.72 %/yr"))
        let rateGoal = Goal(id: "rate", party: "enkoping", scopes: [1, 2], annualRatePercent: 5, rateFromYear: 2020, basis: .absolute)
        #expect(try Fx.ids(.ambitionGap, parties + [.goalAsserted(rateGoal)]) == ["ambition-gap:rate"])
    }

    @Test func negativeCases() throws {
        // -70 % by 2030 from 2020 (11.3 %/yr) and near zero 2040: fine against the Carbon Law.
        let fast = Goal(
            id: "fast", party: "enkoping", scopes: [1, 2], reductionPercent: 70, baseYear: 2020, basis: .absolute, targetYear: 2030)
        let nearZero = Goal(id: "nz", party: "enkoping", scopes: [1, 2], word: .nearZero, targetYear: 2040)
        // A scope-3 goal is not compared with the scope 1-2 national year; organisational goals are skipped.
        let consumption = Goal(
            id: "c", party: "enkoping", scopes: [1, 2, 3], word: .climatePositive, targetYear: 2050, carbonStoragePlan: true)
        let organisation = Goal(
            id: "o", party: "enkoping", orientation: .organisational, scopes: [1, 2], reductionPercent: 10, baseYear: 2010, targetYear: 2050
        )
        #expect(try Fx.gaps(.ambitionGap, parties + [fast, nearZero, consumption, organisation].map(DomainEvent.goalAsserted)).isEmpty)
        // A stricter bar (Klimatkollen) flags the -70 % goal.
        var config = GapConfiguration()
        config.ambitionBar = .klimatkollen
        let gaps = try Fx.gaps(.ambitionGap, parties + [.goalAsserted(fast)], engine: GapEngine(configuration: config))
        #expect(gaps.map(\.id) == ["ambition-gap:fast"])
    }

    @Test func aCutAgainst1990IsNotTurnedIntoARateFromNow() throws {
        // -50 % by 2040 against 1990: a rate from 2020 would need the emissions of 2020.
        let goal = Goal(
            id: "old-base", party: "enkoping", scopes: [1, 2], reductionPercent: 50, baseYear: 1990, basis: .absolute, targetYear: 2040)
        #expect(try Fx.gaps(.ambitionGap, parties + [.goalAsserted(goal)]).isEmpty)
    }

    @Test func aPartysGoalsAreJudgedTogether() throws {
        // Lund: near zero 2050 beside an adopted -80 % by 2030 for the same scopes.
        let late = Goal(id: "late", party: "enkoping", scopes: [1, 2], word: .nearZero, targetYear: 2050)
        let strong = Goal(id: "strong", party: "enkoping", scopes: [1, 2], reductionPercent: 80, baseYear: 1990, targetYear: 2030)
        #expect(try Fx.ids(.ambitionGap, parties + [.goalAsserted(late)]) == ["ambition-gap:late"])
        #expect(try Fx.gaps(.ambitionGap, parties + [late, strong].map(DomainEvent.goalAsserted)).isEmpty)
        // Järfälla: a yearly rate counts by what it reaches by the reference year (12.5 %/yr: 96 % by 2045).
        let rate = Goal(id: "rate", party: "enkoping", scopes: [1], annualRatePercent: 12.5, rateFromYear: 2020, basis: .absolute)
        #expect(try Fx.gaps(.ambitionGap, parties + [late, rate].map(DomainEvent.goalAsserted)).isEmpty)
        // A proposal, a weaker cut or another scope group does not count.
        var proposed = strong
        proposed.status = .proposed
        let weak = Goal(id: "weak", party: "enkoping", scopes: [1, 2], reductionPercent: 50, baseYear: 1990, targetYear: 2030)
        let scope3 = Goal(id: "s3", party: "enkoping", scopes: [1, 2, 3], reductionPercent: 90, baseYear: 1990, targetYear: 2030)
        for other in [proposed, weak, scope3] {
            #expect(try Fx.ids(.ambitionGap, parties + [late, other].map(DomainEvent.goalAsserted)) == ["ambition-gap:late"])
        }
    }
}
