/// Where the follow-up of one gap stands, as the shared state keeps it
/// (``WorldState/followUps``): who acknowledged it, whom it is assigned to, the comments, and
/// whether it is dismissed and why. When it happened is the log's business
/// (``FollowUpHistory``).
public struct GapFollowUpState: Codable, Hashable, Sendable {
    public var acknowledgedBy: PartyID?
    /// Who assigned it (the coordinator).
    public var assignedBy: PartyID?
    public var assignee: PartyID?
    public var role: String?
    public var due: String?
    public var comments: [FollowUpComment] = []
    /// Who dismissed it, while it is dismissed.
    public var dismissedBy: PartyID?
    /// The reason given, while it is dismissed.
    public var dismissReason: String?

    public init() {}

    public var isDismissed: Bool { dismissedBy != nil }

    /// The state after `followUp` (already checked).
    public mutating func apply(_ followUp: GapFollowUp) {
        switch followUp.action {
        case .acknowledge:
            if acknowledgedBy == nil { acknowledgedBy = followUp.by }
            if let text = followUp.text { comments.append(FollowUpComment(by: followUp.by, text: text)) }
        case .assign:
            assignedBy = followUp.by
            assignee = followUp.assignee
            role = followUp.role
            due = followUp.due
            if let text = followUp.text { comments.append(FollowUpComment(by: followUp.by, text: text)) }
        case .comment:
            comments.append(FollowUpComment(by: followUp.by, text: followUp.text ?? ""))
        case .dismiss:
            dismissedBy = followUp.by
            dismissReason = followUp.text
        case .undismiss:
            dismissedBy = nil
            dismissReason = nil
            if let text = followUp.text { comments.append(FollowUpComment(by: followUp.by, text: text)) }
        }
    }

    /// Follow-up messages that rebuild this state from nothing, for `gap` (snapshots).
    public func events(gap: String) -> [GapFollowUp] {
        var out: [GapFollowUp] = []
        if let acknowledgedBy { out.append(GapFollowUp(gap: gap, action: .acknowledge, by: acknowledgedBy)) }
        if let assignedBy, let assignee, let role {
            out.append(GapFollowUp(gap: gap, action: .assign, by: assignedBy, assignee: assignee, role: role, due: due))
        }
        out += comments.map { GapFollowUp(gap: gap, action: .comment, by: $0.by, text: $0.text) }
        if let dismissedBy {
            out.append(GapFollowUp(gap: gap, action: .dismiss, by: dismissedBy, text: dismissReason ?? ""))
        }
        return out
    }
}
