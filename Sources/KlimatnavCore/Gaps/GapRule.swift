/// A gap rule: a pure function from the state to gaps of one kind, split by subject so the
/// engine can recompute only what an event touches.
///
/// Contract: ``gaps(for:in:)`` reads only what ``subjects(affectedBy:before:after:)`` accounts
/// for, so any event that could change a subject's gaps names that subject.
public protocol GapRule: Sendable {
    var kind: GapKind { get }
    /// Every subject that can have gaps in `index`.
    func subjects(in index: GapIndex) -> Set<GapSubject>
    /// The subjects whose gaps `event` can change; `before` and `after` are the indexes
    /// around the event.
    func subjects(affectedBy event: DomainEvent, before: GapIndex, after: GapIndex) -> Set<GapSubject>
    /// The same subjects decided from the index before the event alone, or `nil` for "every
    /// subject" (rare events: a known party changing, a reference goal changing). Lets
    /// ``GapTracker`` evaluate the old gaps, apply the event in place and evaluate the new
    /// ones, with no copy of the state. Rules implement this one; the two-index form
    /// derives from it.
    func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>?
    /// The gaps of one subject, with ids derived from kind and subject only.
    func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap]
    /// Every gap of the rule: the gaps of every subject (a rule may share work between
    /// subjects here; the result must equal the default).
    func gaps(in index: GapIndex) -> [Gap]
}

extension GapRule {
    /// All gaps of this rule.
    public func gaps(in index: GapIndex) -> [Gap] {
        subjects(in: index).flatMap { gaps(for: $0, in: index) }
    }

    /// ``subjects(affectedBy:before:)``, with "every subject" as every subject of both states.
    public func subjects(affectedBy event: DomainEvent, before: GapIndex, after: GapIndex) -> Set<GapSubject> {
        subjects(affectedBy: event, before: before) ?? allSubjects(before, after)
    }

    /// Every subject of both states: for rare events that can change anything (a party's
    /// name, kind or level changing; a reference goal changing).
    func allSubjects(_ before: GapIndex, _ after: GapIndex) -> Set<GapSubject> {
        subjects(in: before).union(subjects(in: after))
    }
}

extension DomainEvent {
    /// Whether this event re-registers a known party with a different name, kind or level.
    /// Such events may change gap wording or rule applicability anywhere, so rules treat
    /// them as touching every subject (they are rare).
    func changesKnownParty(before: WorldState) -> Bool {
        guard case .partyRegistered(let party) = self, let old = before.parties[party.id] else { return false }
        return old.name != party.name || old.nameEn != party.nameEn || old.kind != party.kind || old.level != party.level
    }

    /// The parties whose goals the event changes (old and new owner), without repeats.
    /// Several rules ask for them for every goal message, so they come without allocating.
    func goalOwners(before: WorldState) -> GoalOwners {
        switch self {
        case .goalAsserted(let goal):
            guard let old = before.goals[goal.id], old.party != goal.party else { return GoalOwners(goal.party) }
            return GoalOwners(goal.party, old.party)
        case .goalWithdrawn(let goalID, _):
            return GoalOwners(before.goals[goalID]?.party)
        default:
            return GoalOwners(nil)
        }
    }

    /// The goal id the event asserts or withdraws.
    var goalID: String? {
        switch self {
        case .goalAsserted(let goal): goal.id
        case .goalWithdrawn(let goalID, _): goalID
        default: nil
        }
    }
}

/// No, one or two parties, as a sequence that needs no storage of its own.
struct GoalOwners: Sequence {
    private let first: PartyID?
    private let second: PartyID?

    init(_ first: PartyID?, _ second: PartyID? = nil) {
        (self.first, self.second) = first == nil ? (second, nil) : (first, second)
    }

    struct Iterator: IteratorProtocol {
        fileprivate var rest: (PartyID?, PartyID?)

        mutating func next() -> PartyID? {
            defer { rest = (rest.1, nil) }
            return rest.0
        }
    }

    func makeIterator() -> Iterator { Iterator(rest: (first, second)) }
}
