/// Whether a goal covers the municipality as a geographic area or the municipal organisation.
public enum GoalOrientation: String, Codable, Sendable, CaseIterable {
    case geographic
    case organisational
}

/// The area a geographic goal covers.
public enum GoalArea: String, Codable, Sendable, CaseIterable {
    /// The whole municipality.
    case municipality
    /// The city (urban area) only.
    case city
    /// A district (stadsdel) such as Norra Djurgårdsstaden.
    case district
    /// The municipal organisation.
    case organisation
}

/// Whether a number is absolute, per inhabitant, or left unstated.
public enum GoalBasis: String, Codable, Sendable, CaseIterable {
    case absolute
    case perCapita = "per-capita"
    case unstated
}

/// Whether a goal is decided or still under political treatment.
public enum GoalStatus: String, Codable, Sendable, CaseIterable {
    case adopted
    case proposed
}

/// The form a goal takes (derived from which fields a ``Goal`` has).
public enum GoalForm: String, Codable, Sendable, CaseIterable {
    case percentCut = "percent-cut"
    case perCapitaLevel = "per-capita-level"
    case annualRate = "annual-rate"
    case carbonBudget = "carbon-budget"
    case goalWord = "goal-word"
}
