/// Where a gap's follow-up stands, for lists and filters.
public enum FollowUpStatus: String, Codable, Sendable, CaseIterable, Hashable {
    /// Nobody has acted on it.
    case new
    case acknowledged
    case assigned
    /// Dismissed as not a real gap, and the facts have not brought it back since.
    case dismissed
    /// Dismissed, then the facts opened it again (it closed and re-opened, or a new fact
    /// asserted it again): shown, not hidden.
    case reopened
}
