/// One step in a gap's life, as the hub logs and publishes it.
public enum GapChange: String, Codable, Sendable, CaseIterable {
    /// The condition started to hold (or holds again after it was resolved).
    case opened
    /// Still holds, but its parties, evidence or wording changed.
    case changed
    /// The condition stopped holding.
    case resolved
}
