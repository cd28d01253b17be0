/// The live gap picture: a state, its index and its gaps, updated event by event with work
/// proportional to what the event touches.
public struct GapTracker: Sendable {
    public let engine: GapEngine
    public private(set) var index: GapIndex
    /// The current gaps by id.
    public private(set) var gapsByID: [String: Gap]

    /// Starts from `state` with a full recompute.
    public init(engine: GapEngine = GapEngine(), state: WorldState = WorldState()) {
        self.engine = engine
        self.index = GapIndex(state)
        self.gapsByID = Dictionary(uniqueKeysWithValues: engine.gaps(in: index).map { ($0.id, $0) })
    }

    public var state: WorldState { index.state }

    /// The current gaps, sorted by kind then id.
    public var gaps: [Gap] { gapsByID.values.sorted(by: GapEngine.order) }

    /// Applies `event` to the state and returns how the gaps changed. Throws, with nothing
    /// changed, when the state rejects the event.
    @discardableResult
    public mutating func apply(_ event: DomainEvent) throws(StateError) -> GapDiff {
        try applyReturningResolved(event).diff
    }

    /// Like ``apply(_:)``, and also returns the gaps the event resolved as they were before
    /// it, so a caller needs no copy of ``gapsByID`` (which would make every update copy the
    /// whole gap set).
    public mutating func applyReturningResolved(_ event: DomainEvent) throws(StateError) -> (diff: GapDiff, resolved: [Gap]) {
        // Old gaps of the affected subjects, then the event applied in place (no copy of the
        // state or the index: copying them per message costs more than the rules), then the
        // new gaps. The subjects are decided on the index before the event.
        let affected = engine.affectedSubjects(by: event, before: index)
        let old = engine.gaps(of: affected, in: index)
        try index.apply(event)
        let diff = GapDiff(from: old, to: engine.gaps(of: affected, in: index))
        let resolved = diff.resolved.compactMap { gapsByID.removeValue(forKey: $0) }
        for gap in diff.opened + diff.changed { gapsByID[gap.id] = gap }
        return (diff, resolved)
    }
}
