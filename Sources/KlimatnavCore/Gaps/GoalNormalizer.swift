import Foundation

/// Turns goals into numbers (``GoalReading``) and orders them by strength.
///
/// Readings follow the report's section 4.1: near zero is -90 % against 1990; fossil-free,
/// renewable, zero and the net-zero words stand for a full cut (fossil-free is still not the
/// same as renewable: they rank differently); climate-smart and the consumption phrases carry
/// no number. A full cut has no finite rate, so for rates a cut is capped at
/// ``GapConfiguration/rateCutCapPercent`` (90 %).
public struct GoalNormalizer: Sendable {
    public var configuration: GapConfiguration

    public init(configuration: GapConfiguration = GapConfiguration()) {
        self.configuration = configuration
    }

    /// The implied annual reduction rate, as a fraction, of a cut `cut` (a fraction, 0.8 for
    /// -80 %) reached in `years` years: r = 1 - (1 - c)^(1/years). `nil` when `years` is not
    /// positive or the cut is not in 0..<1.
    public static func impliedAnnualRate(cut: Double, years: Int) -> Double? {
        guard years > 0, cut >= 0, cut < 1 else { return nil }
        return 1 - pow(1 - cut, 1 / Double(years))
    }

    /// The implied annual rate, as a fraction, of a cut from year `from` to year `to`.
    public static func impliedAnnualRate(cut: Double, from: Int, to: Int) -> Double? {
        impliedAnnualRate(cut: cut, years: to - from)
    }

    /// The cut, as a fraction, that an annual rate (a fraction) reaches after `years` years.
    public static func cut(ofAnnualRate rate: Double, years: Int) -> Double {
        1 - pow(1 - rate, Double(max(years, 0)))
    }

    /// The goal's scope group.
    public static func scopeGroup(of goal: Goal) -> GoalReading.ScopeGroup {
        guard let scopes = goal.scopes, !scopes.isEmpty else { return .unstated }
        return scopes.contains(3) ? .scope123 : .scope12
    }

    /// Reads a goal as numbers.
    public func reading(of goal: Goal) -> GoalReading {
        let statedCut = goal.reductionPercent
        let wordCut = goal.word?.impliedCutPercent
        let cut = statedCut ?? wordCut
        let capped = cut.map { min($0, configuration.rateCutCapPercent) / 100 }
        var fromBase: Double?
        if let capped, let base = goal.baseYear, let target = goal.targetYear {
            fromBase = Self.impliedAnnualRate(cut: capped, from: base, to: target).map { $0 * 100 }
        }
        var fromNow: Double?
        if let rate = goal.annualRatePercent {
            fromNow = rate
        } else if let capped, let target = goal.targetYear {
            fromNow = Self.impliedAnnualRate(cut: capped, from: configuration.currentYear, to: target)
                .map { $0 * 100 }
        }
        let group = Self.scopeGroup(of: goal)
        let endGoal =
            (cut ?? 0) >= configuration.endGoalCutPercent
            || (goal.word?.reliesOnNegativeEmissions ?? false)
        return GoalReading(
            goalID: goal.id, cutPercent: cut, cutFromWord: statedCut == nil && wordCut != nil,
            baseYear: goal.baseYear, targetYear: goal.targetYear, rateFromBaseYear: fromBase,
            rateFromCurrentYear: fromNow, basis: goal.basis, scopeGroup: group,
            wordRank: goal.word.map { configuration.wordOrdering.rank($0, scope3: group == .scope123) },
            isEndGoal: endGoal)
    }

    /// Whether `lhs` is a sharper goal than `rhs`, in the style of Table 4.1.1, where the target
    /// year matters ("near zero 2030" is sharper than "100 % by 2050"):
    /// 1. goals with a rate (stated or implied) before per-capita levels before goals with no
    ///    number; 2. the higher rate from the current year (so the earlier year, for the same
    ///    cut); 3. absolute before unstated before per-capita basis; 4. the stronger goal word;
    ///    5. the lower per-capita level; 6. the earlier target year; 7. the id.
    public func isSharper(_ lhs: Goal, than rhs: Goal) -> Bool {
        strengthKey(lhs) < strengthKey(rhs)
    }

    /// Goals ordered strongest first (see ``isSharper(_:than:)``).
    public func sortedByStrength(_ goals: [Goal]) -> [Goal] {
        goals.map { (strengthKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func strengthKey(_ goal: Goal) -> StrengthKey {
        let reading = reading(of: goal)
        let tier = reading.rateFromCurrentYear != nil ? 0 : (goal.perCapitaTonnes != nil ? 1 : 2)
        let rate = reading.rateFromCurrentYear.map { -($0 * 100).rounded() } ?? 0
        let basis =
            switch goal.basis {
            case .absolute: 0
            case .unstated: 1
            case .perCapita: 2
            }
        return StrengthKey(
            tier: tier, negatedRate: rate, basis: basis, word: reading.wordRank ?? Int.max,
            tonnes: goal.perCapitaTonnes ?? 0, year: goal.targetYear ?? Int.max, id: goal.id)
    }
}

/// The sort key behind ``GoalNormalizer/isSharper(_:than:)``; smaller is sharper.
private struct StrengthKey: Comparable {
    var tier: Int
    var negatedRate: Double
    var basis: Int
    var word: Int
    var tonnes: Double
    var year: Int
    var id: String

    static func < (lhs: StrengthKey, rhs: StrengthKey) -> Bool {
        if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
        if lhs.negatedRate != rhs.negatedRate { return lhs.negatedRate < rhs.negatedRate }
        if lhs.basis != rhs.basis { return lhs.basis < rhs.basis }
        if lhs.word != rhs.word { return lhs.word < rhs.word }
        if lhs.tonnes != rhs.tonnes { return lhs.tonnes < rhs.tonnes }
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        return lhs.id < rhs.id
    }
}
