import KlimatnavCore
import KlimatnavStore

/// Filters a person can set on the gaps list (and `/api/gaps`).
public struct GapFilter: Sendable, Hashable {
    public var party: String?
    public var kind: String?
    public var level: String?
    public var includeResolved: Bool

    public init(party: String? = nil, kind: String? = nil, level: String? = nil, includeResolved: Bool = false) {
        self.party = party.flatMap { $0.isEmpty ? nil : $0 }
        self.kind = kind.flatMap { $0.isEmpty ? nil : $0 }
        self.level = level.flatMap { $0.isEmpty ? nil : $0 }
        self.includeResolved = includeResolved
    }

    public func apply(_ records: [GapRecord]) -> [GapRecord] {
        records.filter { record in
            (includeResolved || record.status == "open")
                && (party.map { p in record.gap.parties.contains { $0.rawValue == p } } ?? true)
                && (kind.map { record.gap.kind.rawValue == $0 } ?? true)
                && (level.map { l in record.gap.levels.contains { $0.rawValue == l } } ?? true)
        }
    }
}
