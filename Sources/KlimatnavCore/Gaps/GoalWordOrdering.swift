/// The order of strength of goal words, strongest first, separately for scope 1-2 goals and
/// scope 1-2-3 goals (the two halves of the report's Table 4.1.1).
///
/// The report is not consistent: its text calls "no negative climate impact" (no emissions
/// at all) higher than climate-neutral, while its Table 4.1.1 lists it below. The default,
/// ``reportText``, follows the text; ``reportTable`` follows the table. Words the report's
/// table does not list for a scope are appended at their most plausible place.
public struct GoalWordOrdering: Codable, Hashable, Sendable {
    /// Scope 1-2 words, strongest first.
    public var scope12: [GoalWord]
    /// Scope 1-2-3 (consumption-inclusive) words, strongest first.
    public var scope123: [GoalWord]

    public init(scope12: [GoalWord], scope123: [GoalWord]) {
        self.scope12 = scope12
        self.scope123 = scope123
    }

    /// The text's reading: no-negative-impact (and zero) above climate-neutral.
    public static let reportText = GoalWordOrdering(
        scope12: [
            .climatePositive, .noNegativeImpact, .zero, .climateNeutral, .renewable, .fossilFree,
            .nearZero, .wellOnTheWay, .reducedConsumptionImpact, .climateSmart,
        ],
        scope123: [
            .climatePositive, .noNegativeImpact, .zero, .climateNeutral, .nearZero, .renewable,
            .fossilFree, .wellOnTheWay, .reducedConsumptionImpact, .climateSmart,
        ])

    /// The table's reading: climate-neutral above no-negative-impact.
    public static let reportTable = GoalWordOrdering(
        scope12: [
            .climatePositive, .climateNeutral, .noNegativeImpact, .zero, .renewable, .fossilFree,
            .nearZero, .wellOnTheWay, .reducedConsumptionImpact, .climateSmart,
        ],
        scope123: [
            .climatePositive, .climateNeutral, .noNegativeImpact, .zero, .nearZero, .renewable,
            .fossilFree, .wellOnTheWay, .reducedConsumptionImpact, .climateSmart,
        ])

    /// The rank of `word` (0 is strongest) for goals that do (`scope3`) or do not cover scope 3.
    /// Words missing from the list rank last.
    public func rank(_ word: GoalWord, scope3: Bool) -> Int {
        let list = scope3 ? scope123 : scope12
        return list.firstIndex(of: word) ?? list.count
    }
}
