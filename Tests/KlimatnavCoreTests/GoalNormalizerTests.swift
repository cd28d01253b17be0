import Foundation
import Testing

@testable import KlimatnavCore

@Suite struct GoalNormalizerTests {
    let normalizer = GoalNormalizer()

    @Test func impliedRateFormula() {
        // -80 % from 1990 to 2030: 1 - 0.2^(1/40)
        let r1 = GoalNormalizer.impliedAnnualRate(cut: 0.8, from: 1990, to: 2030)
        #expect(close(r1, 1 - pow(0.2, 1.0 / 40)))
        #expect(close(r1, 0.039437, 1e-6))
        // -70 % from 2020 to 2030: 1 - 0.3^(1/10)
        let r2 = GoalNormalizer.impliedAnnualRate(cut: 0.7, from: 2020, to: 2030)
        #expect(close(r2, 1 - pow(0.3, 0.1)))
        #expect(close(r2, 0.113431, 1e-6))
        // Halving every decade is the Carbon Law's ~7 %/yr.
        #expect(close(GoalNormalizer.impliedAnnualRate(cut: 0.5, years: 10), 0.066967, 1e-6))
        #expect(GoalNormalizer.impliedAnnualRate(cut: 1, years: 10) == nil)
        #expect(GoalNormalizer.impliedAnnualRate(cut: 0.5, years: 0) == nil)
        #expect(close(GoalNormalizer.cut(ofAnnualRate: 1 - pow(0.3, 0.1), years: 10), 0.7, 1e-12))
    }

    @Test func readingOfPercentCut() {
        let goal = Goal(
            id: "lund.minus-80", party: "lund", scopes: [1, 2], reductionPercent: 80, baseYear: 1990,
            basis: .absolute, targetYear: 2030)
        let reading = normalizer.reading(of: goal)
        #expect(close(reading.rateFromBaseYear, (1 - pow(0.2, 1.0 / 40)) * 100))
        #expect(close(reading.rateFromCurrentYear, (1 - pow(0.2, 0.1)) * 100))
        #expect(reading.cutPercent == 80 && !reading.cutFromWord && !reading.isEndGoal)
        #expect(reading.scopeGroup == .scope12)
    }

    @Test func wordsReadAsNumbers() {
        let nearZero = normalizer.reading(of: Goal(id: "g", party: "g", word: .nearZero, targetYear: 2030))
        #expect(nearZero.cutPercent == 90 && nearZero.cutFromWord && nearZero.isEndGoal)
        // Fossil-free 2030 from 2020 is read with the -90 % cap: about 20.6 %/yr (report: 15-20).
        let fossilFree = normalizer.reading(of: Goal(id: "f", party: "f", word: .fossilFree, targetYear: 2030))
        #expect(close(fossilFree.rateFromCurrentYear, (1 - pow(0.1, 0.1)) * 100))
        let smart = normalizer.reading(of: Goal(id: "s", party: "s", scopes: [1, 2, 3], word: .climateSmart, targetYear: 2050))
        #expect(smart.cutPercent == nil && smart.rateFromCurrentYear == nil && smart.scopeGroup == .scope123)
        let rate = normalizer.reading(of: Goal(id: "r", party: "r", annualRatePercent: 12, rateFromYear: 2021))
        #expect(rate.rateFromCurrentYear == 12)
    }

    @Test func wordOrderingFollowsTextByDefault() {
        let text = GoalWordOrdering.reportText
        #expect(text.rank(.noNegativeImpact, scope3: true) < text.rank(.climateNeutral, scope3: true))
        #expect(text.rank(.climatePositive, scope3: false) == 0)
        #expect(text.rank(.renewable, scope3: false) < text.rank(.fossilFree, scope3: false))
        #expect(text.rank(.fossilFree, scope3: false) < text.rank(.nearZero, scope3: false))
        #expect(text.rank(.nearZero, scope3: true) < text.rank(.wellOnTheWay, scope3: true))
        #expect(text.rank(.climateSmart, scope3: true) == text.scope123.count - 1)
        let table = GoalWordOrdering.reportTable
        #expect(table.rank(.climateNeutral, scope3: true) < table.rank(.noNegativeImpact, scope3: true))
        #expect(GapConfiguration().wordOrdering == .reportText)
    }

    @Test func strengthOrderingYearMatters() {
        let nearZero2030 = Goal(id: "a", party: "a", scopes: [1, 2], word: .nearZero, targetYear: 2030)
        let renewable2050 = Goal(id: "b", party: "b", scopes: [1, 2], word: .renewable, targetYear: 2050)
        let fossilFree2030 = Goal(id: "c", party: "c", scopes: [1, 2], word: .fossilFree, targetYear: 2030)
        let positive2030 = Goal(id: "d", party: "d", scopes: [1, 2], word: .climatePositive, targetYear: 2030)
        let minus70 = Goal(id: "e", party: "e", scopes: [1, 2], reductionPercent: 70, baseYear: 1990, basis: .absolute, targetYear: 2030)
        let perCapita = Goal(
            id: "f", party: "f", scopes: [1, 2], reductionPercent: 70, baseYear: 1990, basis: .perCapita, targetYear: 2030)
        let tonnes = Goal(id: "g", party: "g", scopes: [1, 2, 3], perCapitaTonnes: 2, targetYear: 2040)
        let smart = Goal(id: "h", party: "h", scopes: [1, 2, 3], word: .climateSmart, targetYear: 2050)
        #expect(normalizer.isSharper(nearZero2030, than: renewable2050))
        let sorted = normalizer.sortedByStrength([
            smart, tonnes, perCapita, renewable2050, minus70, nearZero2030, fossilFree2030, positive2030,
        ])
        #expect(sorted.map(\.id) == ["d", "c", "a", "e", "f", "b", "g", "h"])
    }
}
