/// The gap changes found when ``GapTracker/settle()`` evaluates the events staged since the
/// last settle: each change with the position (0, 1, ...) of the staged event it is
/// attributed to, the last one that touched the gap's subject.
public struct GapSettlement: Sendable {
    public struct Change: Sendable {
        public var gap: Gap
        public var change: GapChange
        /// Position of the causing event among the staged events.
        public var cause: Int
    }

    /// Opened, then changed, then resolved; each sorted by kind, then id. A resolved gap is
    /// given as it was before it resolved.
    public var changes: [Change]

    /// The same changes as a ``GapDiff``.
    public var diff: GapDiff {
        GapDiff(
            opened: changes.filter { $0.change == .opened }.map(\.gap),
            changed: changes.filter { $0.change == .changed }.map(\.gap),
            resolved: changes.filter { $0.change == .resolved }.map(\.gap.id))
    }
}
