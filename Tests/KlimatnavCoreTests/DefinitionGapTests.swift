import Testing

@testable import KlimatnavCore

@Suite struct DefinitionGapTests {
    let enkoping = Fx.municipality("enkoping", "Enköping")

    @Test func wordWithNoNumber() throws {
        let goal = Goal(
            id: "enkoping.smart", party: "enkoping", scopes: [1, 2, 3], word: .climateSmart, targetYear: 2050, text: "climate-smart 2050")
        let gaps = try Fx.gaps(.definitionGap, [enkoping, .goalAsserted(goal)])
        #expect(gaps.map(\.id) == ["definition-gap:enkoping.smart:no-number"])
        #expect(gaps[0].summary == "Enköping's goal 'climate-smart 2050' is a goal word with no number, so it cannot be compared.")
    }

    @Test func eachProblemIsItsOwnGap() throws {
        let vague = Goal(id: "v", party: "enkoping", reductionPercent: 60)
        #expect(
            try Fx.ids(.definitionGap, [enkoping, .goalAsserted(vague)]) == [
                "definition-gap:v:basis-unstated", "definition-gap:v:no-base-year", "definition-gap:v:no-target-year",
                "definition-gap:v:scope-unstated",
            ])
        // Whether there is a storage plan not stated is "not clarified", not "missing".
        var neutral = Goal(id: "n", party: "enkoping", scopes: [1, 2], word: .climateNeutral, targetYear: 2030)
        #expect(try Fx.ids(.definitionGap, [enkoping, .goalAsserted(neutral)]) == ["definition-gap:n:storage-plan-unclear"])
        neutral.carbonStoragePlan = false
        #expect(try Fx.ids(.definitionGap, [enkoping, .goalAsserted(neutral)]) == ["definition-gap:n:no-storage-plan"])
    }

    @Test func aFullCutNeedsNoBaseYear() throws {
        let full = Goal(id: "f", party: "enkoping", scopes: [1, 2], reductionPercent: 100, basis: .perCapita, targetYear: 2050)
        #expect(try Fx.gaps(.definitionGap, [enkoping, .goalAsserted(full)]).isEmpty)
    }

    @Test func anAmbiguousWordIsAGap() throws {
        let goal = Goal(id: "x", party: "enkoping", scopes: [1, 2, 3], word: .noNegativeImpact, targetYear: 2030, carbonStoragePlan: true)
        #expect(try Fx.ids(.definitionGap, [enkoping, .goalAsserted(goal)]) == ["definition-gap:x:ambiguous-word"])
    }

    @Test func theCoordinatorsSharedGoalNeedsOneDefinition() throws {
        let coordinator = Fx.party("viable-cities", .coordinator, .national, "Viable Cities")
        let shared = Goal(
            id: "vc.cn", party: "viable-cities", word: .climateNeutral, targetYear: 2030, text: "climate-neutral cities by 2030")
        let gaps = try Fx.gaps(.definitionGap, [coordinator, .goalAsserted(shared)])
        #expect(gaps.map(\.id) == ["definition-gap:vc.cn:no-shared-definition"])
        #expect(gaps[0].parties == ["viable-cities"])
    }

    @Test func wellDefinedGoalHasNoGap() throws {
        var neutral = Goal(id: "n", party: "enkoping", scopes: [1, 2], word: .climateNeutral, targetYear: 2030)
        neutral.carbonStoragePlan = true
        let good = Fx.goodGoal("g", "enkoping")
        let rate = Goal(id: "r", party: "enkoping", scopes: [1, 2], annualRatePercent: 12, rateFromYear: 2021, basis: .absolute)
        #expect(try Fx.gaps(.definitionGap, [enkoping] + [neutral, good, rate].map(DomainEvent.goalAsserted)).isEmpty)
    }
}
