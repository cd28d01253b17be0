import KlimatnavCore

/// One line of a gap's history in JSON: `at`, `step` (a follow-up action, or `opened`,
/// `changed`, `resolved` for what the facts did), `by` (`null` for the facts), and the
/// step's `assignee`, `role`, `due` and `text` when it has them.
public struct FollowUpStepRow: Codable, Sendable, Hashable {
    public var at: String
    public var step: String
    public var by: String?
    public var assignee: String?
    public var role: String?
    public var due: String?
    public var text: String?

    public init(_ entry: FollowUpEntry) {
        at = Timestamp.iso(entry.at)
        by = entry.by?.rawValue
        switch entry.step {
        case .facts(let change):
            step = change.rawValue
        case .followUp(let followUp):
            step = followUp.action.rawValue
            assignee = followUp.assignee?.rawValue
            role = followUp.role
            due = followUp.due
            text = followUp.text
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(step, forKey: .step)
        try container.encode(by, forKey: .by)  // null: the facts
        try container.encodeIfPresent(assignee, forKey: .assignee)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(text, forKey: .text)
    }

    enum CodingKeys: String, CodingKey {
        case at, step, by, assignee, role, due, text
    }
}
