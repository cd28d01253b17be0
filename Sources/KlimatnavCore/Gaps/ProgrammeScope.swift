/// Which municipalities the contract rules speak about.
///
/// A playbook of the whole country (`sverige`) registers every municipality, but only the
/// programme's members have a climate contract. Once the state records programme membership
/// (a membership whose hub is a party of kind `coordinator`, such as Viable Cities), the
/// contract rules (``ReportingGapRule``, ``RegionalHubGapRule``) judge only contracts whose
/// content is known: a municipality that has stated no commitment is outside them (whether it
/// is in no programme, or joined one but its contract is not described; for those,
/// ``ProgrammeGoalsRule`` reports the unknown goals once instead of every missing section).
/// Without any programme membership (the 2021 seed) every municipality is inside, as before.
public enum ProgrammeScope {
    /// Whether some coordinator has members.
    static func hasProgrammes(_ index: GapIndex) -> Bool {
        index.membersByHub.keys.contains { index.state.parties[$0]?.kind == .coordinator }
    }

    /// Whether `party` is a municipality whose contract content is unknown (no commitment)
    /// in a state that records programmes.
    public static func isOutsideContract(_ party: PartyID, in index: GapIndex) -> Bool {
        guard index.state.parties[party]?.kind == .municipality, hasProgrammes(index) else { return false }
        return !index.hasCommitments(party)
    }

    /// Whether `event` changes programme membership or who is a coordinator: such events can
    /// move any municipality in or out of scope (rare).
    static func changesScope(_ event: DomainEvent, before: GapIndex) -> Bool {
        switch event {
        case .membershipJoined(let membership), .membershipLeft(let membership):
            return before.state.parties[membership.hub]?.kind == .coordinator
        case .partyRegistered(let party):
            return party.kind == .coordinator || before.state.parties[party.id]?.kind == .coordinator
        default:
            return false
        }
    }
}

/// A contract rule limited to the programme's members (``ProgrammeScope``): the inner rule's
/// gaps, without those whose parties are all municipalities outside the contract.
public struct ProgrammeScopedRule<Inner: GapRule>: GapRule {
    public var inner: Inner
    public var kind: GapKind { inner.kind }

    public init(_ inner: Inner) { self.inner = inner }

    public func subjects(in index: GapIndex) -> Set<GapSubject> { inner.subjects(in: index) }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if ProgrammeScope.changesScope(event, before: before) { return nil }
        guard var subjects = inner.subjects(affectedBy: event, before: before) else { return nil }
        // A commitment can bring its party into scope.
        if case .commitmentStated(let commitment) = event { subjects.insert(.party(commitment.party)) }
        return subjects
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        let gaps = inner.gaps(for: subject, in: index)
        guard !gaps.isEmpty, ProgrammeScope.hasProgrammes(index) else { return gaps }
        return gaps.filter { gap in !gap.parties.allSatisfy { ProgrammeScope.isOutsideContract($0, in: index) } }
    }
}
