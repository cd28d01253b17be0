import Foundation

/// One gap's follow-up: its state, its history (follow-up steps and the facts' changes, in
/// the order they happened) and whether the facts re-opened it after a dismissal.
public struct GapFollowUpRecord: Hashable, Sendable {
    public var state = GapFollowUpState()
    public var history: [FollowUpEntry] = []
    /// When the facts opened the gap again after its latest dismissal; `nil` while the
    /// dismissal stands (or when it is not dismissed).
    public var reopenedAt: Date?

    public init() {}

    public var status: FollowUpStatus {
        if state.isDismissed { return reopenedAt == nil ? .dismissed : .reopened }
        if state.assignee != nil { return .assigned }
        if state.acknowledgedBy != nil { return .acknowledged }
        return .new
    }

    /// Whether a due date is set, is before `today` (`YYYY-MM-DD`), and the gap is not
    /// dismissed.
    public func isOverdue(today: String) -> Bool {
        guard let due = state.due, status != .dismissed else { return false }
        return due < today
    }

    /// Adds a follow-up step the hub accepted. An `undismiss` of a gap that is not dismissed
    /// (the hub refuses it) changes nothing but the history.
    public mutating func record(_ followUp: GapFollowUp, at time: Date) {
        history.append(FollowUpEntry(at: time, step: .followUp(followUp)))
        if followUp.action == .undismiss, !state.isDismissed { return }
        state.apply(followUp)
        if followUp.action == .dismiss || followUp.action == .undismiss { reopenedAt = nil }
    }

    /// Adds a change the facts made. An opening or a change after a dismissal re-opens it.
    public mutating func record(_ change: GapChange, at time: Date) {
        history.append(FollowUpEntry(at: time, step: .facts(change)))
        if state.isDismissed, reopenedAt == nil, change != .resolved { reopenedAt = time }
    }
}
