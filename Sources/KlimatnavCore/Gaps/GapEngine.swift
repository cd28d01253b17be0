/// Finds cross-level gaps: every rule over the whole state (``gaps(in:)``), or incrementally,
/// only the subjects an event can touch (``diff(before:event:after:)``).
///
/// Incremental design: each rule splits its gaps by ``GapSubject`` and names the subjects an
/// event can affect. For those subjects the engine evaluates the rule before and after the
/// event and compares; every other gap is unchanged. Gap ids name kind and subject only, so
/// the result equals a full recompute. ``GapTracker`` keeps the state, its ``GapIndex`` and the
/// gap set together and updates them per event.
public struct GapEngine: Sendable {
    public var configuration: GapConfiguration
    public var playbook: ResponsePlaybook?
    public var rules: [any GapRule]

    public init(configuration: GapConfiguration = GapConfiguration(), playbook: ResponsePlaybook? = nil) {
        self.configuration = configuration
        self.playbook = playbook
        self.rules = Self.standardRules(configuration)
    }

    /// The rules, one per ``GapKind`` (``MergedRule`` joins two of one kind).
    public static func standardRules(_ configuration: GapConfiguration) -> [any GapRule] {
        [
            GovernanceGapRule(), PolicyLabCandidateRule(), RoadmapMisalignmentRule(configuration: configuration),
            AmbitionGapRule(configuration: configuration), DefinitionGapRule(currentYear: configuration.currentYear),
            // Sweden at national scale (issue 14): contract rules only for programme members with
            // a known contract, unknown goals of programme members, emissions against goals.
            MergedRule(ProgrammeScopedRule(ReportingGapRule()), ProgrammeGoalsRule()),
            MergedRule(ProgrammeScopedRule(RegionalHubGapRule()), RegionalCoverageRule()), DeliveryGapRule(),
        ]
    }

    /// Gap order: kind, then id.
    @Sendable public static func order(_ lhs: Gap, _ rhs: Gap) -> Bool {
        lhs.kind == rhs.kind ? lhs.id < rhs.id : lhs.kind < rhs.kind
    }

    /// Every gap in `state`, sorted by kind then id.
    public func gaps(in state: WorldState) -> [Gap] {
        gaps(in: GapIndex(state))
    }

    /// Every gap of an indexed state, sorted by kind then id.
    public func gaps(in index: GapIndex) -> [Gap] {
        let gaps = rules.flatMap { rule in rule.gaps(in: index).map(attach) }
        // Sort positions, not the (large) gaps themselves, then copy each gap once.
        return gaps.indices.sorted { Self.order(gaps[$0], gaps[$1]) }.map { gaps[$0] }
    }

    /// The gaps of the subjects `event` can affect, before and after it.
    public func affectedGaps(before: GapIndex, event: DomainEvent, after: GapIndex) -> (before: [String: Gap], after: [String: Gap]) {
        var old: [String: Gap] = [:]
        var new: [String: Gap] = [:]
        for rule in rules {
            for subject in rule.subjects(affectedBy: event, before: before, after: after) {
                for gap in rule.gaps(for: subject, in: before) { old[gap.id] = attach(gap) }
                for gap in rule.gaps(for: subject, in: after) { new[gap.id] = attach(gap) }
            }
        }
        return (old, new)
    }

    /// The subjects of each rule (in ``rules`` order) that `event` can affect, decided on the
    /// index before it; `nil` = every subject. See ``GapRule/subjects(affectedBy:before:)``.
    func affectedSubjects(by event: DomainEvent, before: GapIndex) -> [Set<GapSubject>?] {
        rules.map { $0.subjects(affectedBy: event, before: before) }
    }

    /// The gaps of one subject of rule number `rule` (in ``rules`` order), with recommendations.
    func gaps(of subject: GapSubject, rule: Int, in index: GapIndex) -> [Gap] {
        rules[rule].gaps(for: subject, in: index).map(attach)
    }

    /// Every gap of rule number `rule`, with recommendations.
    func allGaps(rule: Int, in index: GapIndex) -> [Gap] {
        rules[rule].gaps(in: index).map(attach)
    }

    /// How the gap set changes with `event`, computed from the subjects it can affect.
    /// `before` is the index of the state the event was applied to, `after` the index of the
    /// result (see ``GapIndex/update(applying:before:after:)``).
    public func diff(before: GapIndex, event: DomainEvent, after: GapIndex) -> GapDiff {
        let (old, new) = affectedGaps(before: before, event: event, after: after)
        return GapDiff(from: old, to: new)
    }

    /// Convenience over states: indexes `before`, updates the index with the event, and
    /// diffs. Indexing is linear in the state; keep a ``GapTracker`` to avoid it per message.
    public func diff(before: WorldState, event: DomainEvent, after: WorldState) -> GapDiff {
        let old = GapIndex(before)
        return diff(before: old, event: event, after: old.updated(applying: event, after: after))
    }

    private func attach(_ gap: Gap) -> Gap {
        guard let playbook else { return gap }
        var gap = gap
        gap.recommendation = playbook.recommendation(for: gap)
        gap.recommendationSv = playbook.swedishRecommendation(for: gap)?.clipped(toBytes: Gap.maxTextBytes)
        gap.evidence = playbook.quoting(gap.evidence)
        return gap
    }
}
