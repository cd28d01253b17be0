/// A goal turned into numbers so it can be compared with other goals and reference rates.
/// Built by ``GoalNormalizer``.
public struct GoalReading: Hashable, Sendable {
    /// Which scopes a goal is compared within (the two halves of Table 4.1.1).
    public enum ScopeGroup: String, Hashable, Sendable, Codable {
        /// Scope 1 and/or 2 (territorial and grid-supplied energy).
        case scope12 = "scope-1-2"
        /// Includes scope 3 (consumption-based).
        case scope123 = "scope-1-2-3"
        /// The goal does not say.
        case unstated
    }

    public var goalID: String
    /// The cut in percent the goal stands for: its own number, or what its word implies.
    public var cutPercent: Double?
    /// Whether ``cutPercent`` comes from the goal word rather than a stated number.
    public var cutFromWord: Bool
    public var baseYear: Int?
    public var targetYear: Int?
    /// Implied annual rate, percent per year, over base year to target year.
    public var rateFromBaseYear: Double?
    /// Implied annual rate, percent per year, from the configured current year (2020) to the
    /// target year, or the goal's own annual rate. The rate to compare with the Carbon Law.
    public var rateFromCurrentYear: Double?
    public var basis: GoalBasis
    public var scopeGroup: ScopeGroup
    /// Rank of the goal word in the configured ordering (0 strongest); `nil` without a word.
    public var wordRank: Int?
    /// Whether the goal is an end goal: a cut of at least the configured end-goal cut, or a
    /// word relying on negative emissions.
    public var isEndGoal: Bool

    public init(
        goalID: String, cutPercent: Double?, cutFromWord: Bool, baseYear: Int?, targetYear: Int?,
        rateFromBaseYear: Double?, rateFromCurrentYear: Double?, basis: GoalBasis,
        scopeGroup: ScopeGroup, wordRank: Int?, isEndGoal: Bool
    ) {
        self.goalID = goalID
        self.cutPercent = cutPercent
        self.cutFromWord = cutFromWord
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.rateFromBaseYear = rateFromBaseYear
        self.rateFromCurrentYear = rateFromCurrentYear
        self.basis = basis
        self.scopeGroup = scopeGroup
        self.wordRank = wordRank
        self.isEndGoal = isEndGoal
    }
}
