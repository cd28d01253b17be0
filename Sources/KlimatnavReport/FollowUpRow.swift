import KlimatnavCore

/// A gap's follow-up in JSON (`followUp` in `klimatnav gaps --format json` and `/api/gaps`):
/// `status` (`new`, `acknowledged`, `assigned`, `dismissed`, `reopened`), who acknowledged it,
/// the assignee, role and due date, the dismissal's reason, when the facts re-opened it, and
/// the `history`. Absent values are `null`, so every row has every key.
public struct FollowUpRow: Codable, Sendable, Hashable {
    public var status: String
    public var acknowledgedBy: String?
    public var assignee: String?
    public var role: String?
    public var due: String?
    public var dismissedBy: String?
    public var dismissReason: String?
    public var reopenedAt: String?
    public var history: [FollowUpStepRow]

    public init(_ record: GapFollowUpRecord) {
        let state = record.state
        status = record.status.rawValue
        acknowledgedBy = state.acknowledgedBy?.rawValue
        assignee = state.assignee?.rawValue
        role = state.role
        due = state.due
        dismissedBy = state.dismissedBy?.rawValue
        dismissReason = state.dismissReason
        reopenedAt = record.reopenedAt.map(Timestamp.iso)
        history = record.history.map(FollowUpStepRow.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(acknowledgedBy, forKey: .acknowledgedBy)
        try container.encode(assignee, forKey: .assignee)
        try container.encode(role, forKey: .role)
        try container.encode(due, forKey: .due)
        try container.encode(dismissedBy, forKey: .dismissedBy)
        try container.encode(dismissReason, forKey: .dismissReason)
        try container.encode(reopenedAt, forKey: .reopenedAt)
        try container.encode(history, forKey: .history)
    }

    enum CodingKeys: String, CodingKey {
        case status, acknowledgedBy, assignee, role, due, dismissedBy, dismissReason, reopenedAt, history
    }
}
