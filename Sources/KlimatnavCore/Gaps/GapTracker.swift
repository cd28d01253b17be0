/// The live gap picture: a state, its index and its gaps, updated event by event with work
/// proportional to what the event touches.
///
/// Two ways to feed it: ``apply(_:)`` evaluates the gaps after every event; ``stage(_:)``
/// applies events to the state at once and leaves the gap evaluation to ``settle()``, which
/// evaluates each touched subject once however many staged events touched it (the hub
/// settles once per group commit). After a settle the gaps equal a full recompute either way.
public struct GapTracker: Sendable {
    public let engine: GapEngine
    public private(set) var index: GapIndex
    /// The current gaps by id (as of the last settle).
    public private(set) var gapsByID: [String: Gap]
    /// Ids of gaps that were open once and are resolved now (as far as this tracker, or
    /// ``noteKnownGaps(_:)``, knows): a follow-up may still name them.
    public private(set) var resolvedGapIDs: Set<String> = []
    /// Subjects touched by staged events, waiting for ``settle()``.
    private var staged: StagedGapWork

    /// Starts from `state` with a full recompute.
    public init(engine: GapEngine = GapEngine(), state: WorldState = WorldState()) {
        self.engine = engine
        self.index = GapIndex(state)
        self.gapsByID = Dictionary(uniqueKeysWithValues: engine.gaps(in: index).map { ($0.id, $0) })
        self.staged = StagedGapWork(ruleCount: engine.rules.count)
    }

    public var state: WorldState { index.state }

    /// The current gaps, sorted by kind then id (as of the last settle).
    public var gaps: [Gap] { gapsByID.values.sorted(by: GapEngine.order) }

    /// Whether staged events wait for ``settle()``.
    public var hasStagedEvents: Bool { !staged.isEmpty }

    /// Applies `event` to the state and returns how the gaps changed (settling any events
    /// staged before it). Throws, with nothing changed, when the state rejects the event.
    @discardableResult
    public mutating func apply(_ event: DomainEvent) throws(StateError) -> GapDiff {
        try applyReturningResolved(event).diff
    }

    /// Like ``apply(_:)``, and also returns the gaps the event resolved as they were before
    /// it, so a caller needs no copy of ``gapsByID``.
    public mutating func applyReturningResolved(_ event: DomainEvent) throws(StateError) -> (diff: GapDiff, resolved: [Gap]) {
        try stage(event)
        let settlement = settle()
        return (settlement.diff, settlement.changes.filter { $0.change == .resolved }.map(\.gap))
    }

    /// Applies `event` to the state in place and notes the subjects it can affect, decided
    /// on the state before it; the gaps are evaluated by ``settle()``. Throws, with nothing
    /// changed, when the state rejects the event.
    /// - Returns: the event's position among the staged events.
    @discardableResult
    public mutating func stage(_ event: DomainEvent) throws(StateError) -> Int {
        if case .gapFollowedUp(let followUp) = event, !knowsGap(followUp.gap) {
            throw StateError(
                .unknownGap,
                "no gap '\(followUp.gap)' has been found here; follow up a gap by an id that `klimatnav gaps --all` lists")
        }
        let affected = engine.affectedSubjects(by: event, before: index)
        // The gaps of subjects no earlier staged event touched are still as they were before
        // the batch (a rule's gaps change only through events that name their subject), so
        // read them now, before this event changes them. Only the rules with such subjects
        // are noted: after the first message about a subject, there are none.
        var before: [(rule: Int, gaps: [String: (gap: Gap, subject: GapSubject)])] = []
        for (r, subjects) in affected.enumerated() {
            guard let subjects, !subjects.isEmpty, staged.rules[r].everything == nil else { continue }
            var found: [String: (gap: Gap, subject: GapSubject)] = [:]
            for subject in subjects where staged.rules[r].touched[subject] == nil {
                for gap in engine.gaps(of: subject, rule: r, in: index) { found[gap.id] = (gap, subject) }
            }
            if !found.isEmpty { before.append((r, found)) }
        }
        try index.apply(event)
        let position = staged.count
        staged.count += 1
        for (r, subjects) in affected.enumerated() {
            if let subjects {
                for subject in subjects { staged.rules[r].touched[subject] = position }
            } else {
                staged.rules[r].everything = position
            }
        }
        for (r, gaps) in before {
            staged.rules[r].before.merge(gaps) { old, _ in old }
        }
        return position
    }

    /// Whether a follow-up may name gap `id`: it is open now (as of the last settle), was
    /// open once, or has been followed up before.
    public func knowsGap(_ id: String) -> Bool {
        gapsByID[id] != nil || resolvedGapIDs.contains(id) || index.state.followUps[id] != nil
    }

    /// Notes gaps resolved before this tracker was made (a hub restarting reads them from
    /// its log), so that follow-ups may still name them.
    public mutating func noteKnownGaps(_ ids: some Sequence<String>) {
        for id in ids where gapsByID[id] == nil { resolvedGapIDs.insert(id) }
    }

    /// Evaluates the subjects the staged events touched, once each, updates ``gapsByID``
    /// and returns the changes since the last settle.
    public mutating func settle() -> GapSettlement {
        guard !staged.isEmpty else { return GapSettlement(changes: []) }
        var old: [String: Gap] = [:]
        var new: [String: Gap] = [:]
        var cause: [String: Int] = [:]
        for (r, work) in staged.rules.enumerated() {
            let kind = engine.rules[r].kind
            if let everything = work.everything {
                // Every subject: the gaps of that kind before (the gap set is untouched since
                // the last settle) against all of them now.
                for gap in gapsByID.values where gap.kind == kind {
                    old[gap.id] = gap
                    cause[gap.id] = everything
                }
                for gap in engine.allGaps(rule: r, in: index) {
                    new[gap.id] = gap
                    cause[gap.id] = everything
                }
                // A later event that named a subject is the better cause for its gaps.
                for (id, entry) in work.before where (work.touched[entry.subject] ?? -1) > everything {
                    cause[id] = work.touched[entry.subject]
                }
            } else {
                for (id, entry) in work.before {
                    old[id] = entry.gap
                    cause[id] = work.touched[entry.subject]
                }
                for (subject, position) in work.touched {
                    for gap in engine.gaps(of: subject, rule: r, in: index) {
                        new[gap.id] = gap
                        cause[gap.id] = position
                    }
                }
            }
        }
        staged = StagedGapWork(ruleCount: engine.rules.count)
        let diff = GapDiff(from: old, to: new)
        var changes: [GapSettlement.Change] = []
        for gap in diff.opened { changes.append(.init(gap: gap, change: .opened, cause: cause[gap.id] ?? 0)) }
        for gap in diff.changed { changes.append(.init(gap: gap, change: .changed, cause: cause[gap.id] ?? 0)) }
        for id in diff.resolved {
            guard let gap = gapsByID.removeValue(forKey: id) ?? old[id] else { continue }
            resolvedGapIDs.insert(id)
            changes.append(.init(gap: gap, change: .resolved, cause: cause[id] ?? 0))
        }
        for gap in diff.opened + diff.changed { gapsByID[gap.id] = gap }
        return GapSettlement(changes: changes)
    }
}
