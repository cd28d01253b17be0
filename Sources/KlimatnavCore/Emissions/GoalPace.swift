import Foundation

/// One goal held against its party's measured emissions (``TrajectoryMethod``): the level it
/// aims at, the pace it requires from the latest inventory, the observed pace, and the year the
/// goal would be reached at the observed pace.
public struct GoalPace: Hashable, Sendable {
    /// Whether the goal can be compared with territorial emissions, and why not (in Swedish
    /// and English).
    public enum Comparability: Hashable, Sendable {
        case comparable
        case notComparable(BilingualText)
    }

    public var goalID: String
    public var party: PartyID
    public var comparability: Comparability
    public var targetYear: Int?
    /// The year the goal's cut counts from, and the emissions in it.
    public var baseYear: Int?
    public var baseTonnes: Double?
    /// The cut used, in percent (capped), or `nil` for a rate goal.
    public var cutPercent: Double?
    /// The goal's level in its target year, tonnes CO2e.
    public var targetTonnes: Double?
    public var latestYear: Int
    public var latestTonnes: Double
    public var trend: EmissionTrend?
    /// The yearly cut in percent the goal needs from the latest year (a rate goal: its rate).
    public var requiredRatePercent: Double?
    /// The year the goal's level is reached at the observed pace: the latest year when it is
    /// already reached, `nil` when emissions are not falling (never) or the goal has no level.
    public var yearReached: Int?

    /// The observed yearly cut in percent (positive: falling).
    public var observedRatePercent: Double? { trend?.ratePercent }

    public var isComparable: Bool { comparability == .comparable }

    /// The target year is past or now and the level is not reached.
    public var isMissed: Bool {
        guard isComparable, let targetYear, let targetTonnes, targetYear <= latestYear else { return false }
        return latestTonnes > targetTonnes
    }

    /// A comparable goal whose required pace exceeds the observed one, or that was missed.
    public var isBehind: Bool {
        guard isComparable else { return false }
        if isMissed { return true }
        guard let required = requiredRatePercent, let observed = observedRatePercent else { return false }
        return required > observed
    }

    /// Required minus observed, percentage points a year (positive: behind).
    public var gapPoints: Double? {
        guard let required = requiredRatePercent, let observed = observedRatePercent else { return nil }
        return required - observed
    }

    /// The goal held against `state`'s official inventories of its party, or `nil` when the
    /// party has no inventory.
    public static func assess(_ goal: Goal, in state: WorldState, method: TrajectoryMethod = TrajectoryMethod()) -> GoalPace? {
        guard let latest = state.latestInventory(of: goal.party) else { return nil }
        let trend = state.emissionTrend(of: goal.party, method: method)
        var pace = GoalPace(
            goalID: goal.id, party: goal.party, comparability: .comparable, targetYear: goal.targetYear,
            latestYear: latest.year, latestTonnes: latest.totalTonnes, trend: trend)
        if let reason = notComparableReason(goal) {
            pace.comparability = .notComparable(reason)
            return pace
        }
        if let rate = goal.annualRatePercent {
            pace.requiredRatePercent = rate
            if let year = goal.targetYear, year > latest.year {
                let target = latest.totalTonnes * pow(1 - rate / 100, Double(year - latest.year))
                pace.targetTonnes = target
                if let trend, trend.slope < 0 {
                    pace.yearReached = latest.year + Int((log(target / latest.totalTonnes) / trend.slope).rounded(.up))
                }
            }
            return pace
        }
        let cut = goal.reductionPercent ?? goal.word?.impliedCutPercent
        guard let cut else {
            pace.comparability = .notComparable(
                BilingualText(
                    sv: "målet anger ingen nivå (ordet ”\(goal.word?.rawValue ?? "-")” har inget tal)",
                    en: "the goal sets no level (the word '\(goal.word?.rawValue ?? "-")' carries no number)"))
            return pace
        }
        guard let targetYear = goal.targetYear else {
            pace.comparability = .notComparable(BilingualText(sv: "målet har inget målår", en: "the goal has no target year"))
            return pace
        }
        let baseYear = goal.baseYear ?? method.wordBaseYear
        guard let base = state.inventories[goal.party]?[baseYear] else {
            pace.comparability = .notComparable(
                BilingualText(sv: "utsläppsstatistik saknas för basåret \(baseYear)", en: "no inventory for the base year \(baseYear)"))
            return pace
        }
        let capped = min(cut, method.cutCapPercent)
        let target = base.totalTonnes * (1 - capped / 100)
        pace.baseYear = baseYear
        pace.baseTonnes = base.totalTonnes
        pace.cutPercent = capped
        pace.targetTonnes = target
        if latest.totalTonnes <= target {
            pace.requiredRatePercent = 0
            pace.yearReached = latest.year
            return pace
        }
        if targetYear > latest.year {
            pace.requiredRatePercent = (1 - pow(target / latest.totalTonnes, 1 / Double(targetYear - latest.year))) * 100
        }
        if let trend, trend.slope < 0 {
            pace.yearReached = latest.year + Int((log(target / latest.totalTonnes) / trend.slope).rounded(.up))
        }
        return pace
    }

    /// Why a goal cannot be held against territorial emissions, or `nil` when it can.
    public static func notComparableReason(_ goal: Goal) -> BilingualText? {
        if goal.orientation == .organisational || goal.area == .organisation {
            return BilingualText(
                sv: "gäller kommunen som organisation, inte kommunen som geografiskt område",
                en: "covers the municipal organisation, not the territory")
        }
        if goal.area == .district {
            return BilingualText(sv: "gäller en kommundel, inte hela kommunen", en: "covers one district, not the whole municipality")
        }
        if goal.area == .city {
            return BilingualText(sv: "gäller staden, inte hela kommunen", en: "covers the city, not the whole municipality")
        }
        if goal.sector != nil { return BilingualText(sv: "gäller bara en sektor", en: "covers one sector only") }
        if GoalNormalizer.scopeGroup(of: goal) == .scope123 {
            return BilingualText(
                sv: "konsumtionsbaserat (scope 3): kan inte jämföras med territoriella utsläpp",
                en: "consumption-based (scope 3): not comparable with territorial data")
        }
        if goal.perCapitaTonnes != nil, goal.annualRatePercent == nil, goal.reductionPercent == nil {
            return BilingualText(
                sv: "en nivå per invånare: underlaget saknar befolkningssiffror",
                en: "a per-capita level: the data has no population figures")
        }
        if goal.carbonBudgetTonnes != nil, goal.annualRatePercent == nil, goal.reductionPercent == nil, goal.word == nil {
            return BilingualText(
                sv: "en koldioxidbudget: bedöms inte mot årliga utsläpp", en: "a carbon budget: not assessed against yearly emissions")
        }
        return nil
    }
}
