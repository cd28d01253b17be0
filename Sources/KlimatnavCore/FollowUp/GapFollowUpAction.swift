/// What a coordinator (or the party a gap is assigned to) does about a gap (`gap.followup`,
/// protocol section 17).
public enum GapFollowUpAction: String, Codable, Sendable, CaseIterable, Hashable {
    /// "We have seen it."
    case acknowledge
    /// Gives the gap to a party and a person's role there, optionally with a due date.
    case assign
    /// A note on the gap.
    case comment
    /// "Not a real gap", with the reason (how the team learns where the rules are wrong).
    case dismiss
    /// Takes a dismissal back.
    case undismiss

    /// Whether the action needs `text` (a comment's text, a dismissal's reason).
    public var needsText: Bool { self == .comment || self == .dismiss }
}
