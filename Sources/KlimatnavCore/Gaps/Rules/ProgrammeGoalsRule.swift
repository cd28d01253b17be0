/// `reporting-gap:<municipality>:goals-unknown`: a member of a programme (a membership of a
/// party of kind `coordinator`) with no goal in the shared state. For Klimatkontrakt 2030 today,
/// the 14 municipalities that joined in 2021 have contracts whose goals no source here states:
/// a reporting finding for the coordinator, not an error.
///
/// Subject: a party.
public struct ProgrammeGoalsRule: GapRule {
    public var kind: GapKind { .reportingGap }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.parties.keys.map(GapSubject.party))
    }

    /// The reporting rule's subjects (a party's registration, commitments and goals), or every
    /// subject when programme membership changes.
    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if ProgrammeScope.changesScope(event, before: before) { return nil }
        return ReportingGapRule().subjects(affectedBy: event, before: before)
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .party(let id) = subject, let party = index.state.parties[id], party.kind == .municipality,
            index.goals(of: id).isEmpty
        else { return [] }
        let programmes = (index.hubsByMember[id] ?? []).filter { index.state.parties[$0]?.kind == .coordinator }.sorted()
        guard !programmes.isEmpty else { return [] }
        return [
            Gap(
                id: "reporting-gap:\(id):goals-unknown", kind: kind, parties: [id] + programmes, levels: [party.level, .national],
                topic: "goals-unknown",
                summary:
                    "\(party.englishName) is in \(GapText.names(sorted: programmes, in: index.state)) but no goal of its contract is known: ask for its goals to follow it up.",
                evidence: programmes.map { "membership:\($0)/\(id)" } + ["no goal of \(id) in the shared state"])
        ]
    }
}
