import Foundation

/// The follow-up of every gap, built entry by entry in log order: each step costs the work
/// of its one gap, so the hub's log can be read once, or followed as it grows.
public struct FollowUpHistory: Hashable, Sendable {
    public private(set) var records: [String: GapFollowUpRecord] = [:]

    public init() {}

    /// Builds the history from `entries` of gaps, in the order they happened.
    public init(_ entries: [(gap: String, entry: FollowUpEntry)]) {
        for (gap, entry) in entries { record(entry, gap: gap) }
    }

    /// The record of gap `id` (empty when nothing happened to it).
    public subscript(id: String) -> GapFollowUpRecord { records[id] ?? GapFollowUpRecord() }

    public mutating func record(_ entry: FollowUpEntry, gap: String) {
        switch entry.step {
        case .followUp(let followUp): records[gap, default: GapFollowUpRecord()].record(followUp, at: entry.at)
        case .facts(let change): records[gap, default: GapFollowUpRecord()].record(change, at: entry.at)
        }
    }

    /// Ids of the gaps assigned to `party`.
    public func assigned(to party: PartyID) -> Set<String> {
        Set(records.filter { $0.value.state.assignee == party }.keys)
    }
}
