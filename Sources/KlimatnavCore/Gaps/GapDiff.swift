/// How the gap set changed: gaps opened, gaps changed (same id, different content), and ids
/// of gaps resolved. Each list is sorted by kind, then id.
public struct GapDiff: Hashable, Sendable, Codable {
    public var opened: [Gap]
    public var changed: [Gap]
    public var resolved: [String]

    public init(opened: [Gap] = [], changed: [Gap] = [], resolved: [String] = []) {
        self.opened = opened
        self.changed = changed
        self.resolved = resolved
    }

    public var isEmpty: Bool { opened.isEmpty && changed.isEmpty && resolved.isEmpty }

    /// The difference from `old` to `new` (gaps keyed by id).
    public init(from old: [String: Gap], to new: [String: Gap]) {
        opened = new.values.filter { old[$0.id] == nil }.sorted(by: GapEngine.order)
        changed = new.values.filter { old[$0.id] != nil && old[$0.id] != $0 }.sorted(by: GapEngine.order)
        resolved = old.values.filter { new[$0.id] == nil }.sorted(by: GapEngine.order).map(\.id)
    }

    /// Applies the diff to a gap set keyed by id.
    public func apply(to gaps: inout [String: Gap]) {
        for id in resolved { gaps[id] = nil }
        for gap in opened + changed { gaps[gap.id] = gap }
    }
}
