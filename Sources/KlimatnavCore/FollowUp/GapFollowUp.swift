/// The body of a `gap.followup` message: one follow-up step on one gap, by its sender.
///
/// Which fields a body may hold depends on `action`: `assign` takes `assignee`, `role` and
/// an optional `due`; `comment` and `dismiss` need `text`; `acknowledge` and `undismiss` take
/// an optional `text`. Decoding reads only the fields of the action, so a wire decoder that
/// refuses unread fields refuses the others (`unknown-field`).
public struct GapFollowUp: Codable, Hashable, Sendable {
    /// The gap's stable id (`governance-gap:hydrogen-infrastructure:national`).
    public var gap: String
    public var action: GapFollowUpAction
    /// The sender: the coordinator, or the party the gap is assigned to.
    public var by: PartyID
    /// `assign`: the party the gap is given to.
    public var assignee: PartyID?
    /// `assign`: the role of the person there who follows it up (`klimatstrateg`).
    public var role: String?
    /// `assign`: the day it should be dealt with, `YYYY-MM-DD`.
    public var due: String?
    /// A comment's text, a dismissal's reason, or a note.
    public var text: String?

    public init(
        gap: String, action: GapFollowUpAction, by: PartyID, assignee: PartyID? = nil, role: String? = nil,
        due: String? = nil, text: String? = nil
    ) {
        self.gap = gap
        self.action = action
        self.by = by
        self.assignee = assignee
        self.role = role
        self.due = due
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case gap, action, by, assignee, role, due, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gap = try container.decode(String.self, forKey: .gap)
        action = try container.decode(GapFollowUpAction.self, forKey: .action)
        by = try container.decode(PartyID.self, forKey: .by)
        if action == .assign {
            assignee = try container.decode(PartyID.self, forKey: .assignee)
            role = try container.decode(String.self, forKey: .role)
            due = try container.decodeIfPresent(String.self, forKey: .due)
        }
        text =
            action.needsText
            ? try container.decode(String.self, forKey: .text)
            : try container.decodeIfPresent(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(assignee, forKey: .assignee)
        try container.encode(by, forKey: .by)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encode(gap, forKey: .gap)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(text, forKey: .text)
    }

    /// What is wrong with the values, or `nil`: an empty gap id, role, comment or reason, a
    /// due date not `YYYY-MM-DD`, or a field the action does not take.
    public var problem: String? {
        if gap.isEmpty { return "a follow-up names no gap ('gap' is empty)" }
        if action != .assign, assignee != nil || role != nil || due != nil {
            return "'\(action.rawValue)' takes no assignee, role or due date; send 'assign' for that"
        }
        if action == .assign {
            guard assignee != nil else { return "'assign' on gap '\(gap)' needs 'assignee'" }
            guard let role, !role.allSatisfy(\.isWhitespace) else {
                return "'assign' on gap '\(gap)' needs a 'role' (for example \"klimatstrateg\")"
            }
            if let due, !Revision.isValidDate(due) { return "'assign' on gap '\(gap)' has due date '\(due)', expected YYYY-MM-DD" }
        }
        if action.needsText, (text ?? "").allSatisfy(\.isWhitespace) {
            return action == .dismiss
                ? "'dismiss' on gap '\(gap)' needs a reason in 'text': why is it not a real gap?"
                : "'comment' on gap '\(gap)' has no text"
        }
        return nil
    }
}
