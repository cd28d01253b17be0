/// What happened to a gap, in a GAP message.
public enum GapChange: String, Codable, Sendable, CaseIterable {
    /// The gap was found for the first time.
    case opened
    /// The gap is still there, but its parties, evidence, summary or recommendation changed.
    case changed
    /// The gap is gone (its `gap` field is its last known form).
    case resolved
}
