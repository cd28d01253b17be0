import KlimatnavCore
import KlimatnavStore

/// Filters a person can set on the gaps list (and `/api/gaps`).
public struct GapFilter: Sendable, Hashable {
    public var party: String?
    public var kind: String?
    public var level: String?
    public var includeResolved: Bool
    /// Only gaps assigned to this party (`gap.followup` `assign`).
    public var assignedTo: String?
    /// Only gaps whose due date is before ``today``.
    public var overdue: Bool
    /// Only dismissed gaps; without it, dismissed gaps are left out (a gap the facts opened
    /// again after its dismissal is not dismissed: it is shown as re-opened).
    public var dismissed: Bool
    /// `YYYY-MM-DD`: what "overdue" is measured against.
    public var today: String

    public init(
        party: String? = nil, kind: String? = nil, level: String? = nil, includeResolved: Bool = false,
        assignedTo: String? = nil, overdue: Bool = false, dismissed: Bool = false, today: String = ""
    ) {
        self.party = party.flatMap { $0.isEmpty ? nil : $0 }
        self.kind = kind.flatMap { $0.isEmpty ? nil : $0 }
        self.level = level.flatMap { $0.isEmpty ? nil : $0 }
        self.includeResolved = includeResolved
        self.assignedTo = assignedTo.flatMap { $0.isEmpty ? nil : $0 }
        self.overdue = overdue
        self.dismissed = dismissed
        self.today = today
    }

    public func apply(_ records: [GapRecord], followUps: FollowUpHistory = FollowUpHistory()) -> [GapRecord] {
        records.filter { record in
            let followUp = followUps[record.gap.id]
            return (includeResolved || record.status == "open")
                && (party.map { p in record.gap.parties.contains { $0.rawValue == p } } ?? true)
                && (kind.map { record.gap.kind.rawValue == $0 } ?? true)
                && (level.map { l in record.gap.levels.contains { $0.rawValue == l } } ?? true)
                && (assignedTo.map { followUp.state.assignee?.rawValue == $0 } ?? true)
                && (!overdue || followUp.isOverdue(today: today))
                && ((followUp.status == .dismissed) == dismissed)
        }
    }
}
