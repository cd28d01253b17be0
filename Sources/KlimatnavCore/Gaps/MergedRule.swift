/// Two rules of one kind as one: ``GapTracker`` settles "every subject" per rule by comparing
/// all gaps of the rule's kind, so each kind must have exactly one rule in the engine. A second
/// rule of an existing kind (``ProgrammeGoalsRule`` beside the reporting rule) joins it here.
public struct MergedRule<First: GapRule, Second: GapRule>: GapRule {
    public var first: First
    public var second: Second
    public var kind: GapKind { first.kind }

    public init(_ first: First, _ second: Second) {
        precondition(first.kind == second.kind, "merged rules must have one kind")
        self.first = first
        self.second = second
    }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        first.subjects(in: index).union(second.subjects(in: index))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        guard let a = first.subjects(affectedBy: event, before: before),
            let b = second.subjects(affectedBy: event, before: before)
        else { return nil }
        return a.union(b)
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        first.gaps(for: subject, in: index) + second.gaps(for: subject, in: index)
    }
}
