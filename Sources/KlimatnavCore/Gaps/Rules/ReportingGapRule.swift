/// `reporting-gap`: what a municipality's contract leaves out, and what the contracts leave
/// out together. Report section 4.8 (and 3.10 and 5 on adaptation).
/// - `reporting-gap:<party>:<section>`: a municipality's required section 3.1-3.8 absent or
///   with nothing described (3.7 is left to ``RegionalHubGapRule`` so it is not reported twice);
///   the same for any other party that states commitments, except the coordinator;
/// - `reporting-gap:<party>:adaptation`: a municipality with no adaptation content described;
/// - `reporting-gap:<coordinator>:<section>`: the coordinator's commitments are the report's
///   findings on the contracts' common text and on all the contracts together; one absent or
///   with nothing described (3.7 excepted, see ``RegionalHubGapRule``) is a joint gap, for
///   example no adaptation section in any contract, or no contract raising its follow-up
///   ambition;
/// - `reporting-gap:<coordinator>:scope3-indicator`: municipalities with a consumption
///   (scope-3) goal and no scope-3 indicator to follow it up. The report calls this one joint
///   problem (no municipal data or shared method for consumption-based emissions), so it is one
///   gap for all of them, filed under the coordinator who can take it up with them. Without a
///   coordinator in the state, each municipality gets its own gap
///   (`reporting-gap:<party>:scope3-indicator`).
///
/// Subject: a party.
public struct ReportingGapRule: GapRule {
    public var kind: GapKind { .reportingGap }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.parties.keys.map(GapSubject.party))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        // A coordinator arriving moves the scope-3 gaps from the municipalities to it.
        if case .partyRegistered(let party) = event, party.kind == .coordinator { return nil }
        let coordinators = before.coordinators.map(GapSubject.party)
        switch event {
        case .partyRegistered(let party): return [.party(party.id)]
        case .commitmentStated(let commitment):
            var subjects: Set<GapSubject> = [.party(commitment.party)]
            if commitment.section == .reporting { subjects.formUnion(coordinators) }
            return subjects
        case .goalAsserted, .goalWithdrawn:
            var subjects = Set<GapSubject>(coordinators)
            for owner in event.goalOwners(before: before.state) { subjects.insert(.party(owner)) }
            return subjects
        default: return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .party(let id) = subject, let party = index.state.parties[id] else { return [] }
        if party.kind == .coordinator { return jointGaps(party, index) }
        guard party.kind == .municipality || index.hasCommitments(id) else { return [] }
        var gaps: [Gap] = []
        func gap(_ key: String, _ summary: String, _ evidence: [String]) {
            gaps.append(
                Gap(
                    id: "reporting-gap:\(id):\(key)", kind: kind, parties: [id], levels: [party.level], topic: key,
                    summary: summary, evidence: evidence))
        }
        for section in ContractSection.required where section != .regionalHub {
            let commitment = index.commitment(id, section)
            switch commitment?.status {
            case nil, .absent?:
                gap(
                    section.rawValue, "\(party.englishName)'s contract has no section \(section.rawValue) (\(section.title)).",
                    ["commitment:\(id)/\(section.rawValue) \(commitment == nil ? "not stated" : "absent")"])
            case .nothingDescribed?:
                gap(
                    section.rawValue, "\(party.englishName)'s contract describes nothing under \(section.rawValue) (\(section.title)).",
                    ["commitment:\(id)/\(section.rawValue) nothing-described"])
            default:
                break
            }
        }
        if index.leadCoordinator == nil, let scope3 = Self.scope3Evidence(id, index) {
            gap(
                "scope3-indicator",
                "\(party.englishName) has a consumption (scope-3) goal but no scope-3 indicator to follow it up.", scope3)
        }
        let adaptation = index.commitment(id, .adaptation)
        if adaptation?.status != .described {
            gap(
                "adaptation", "\(party.englishName)'s contract describes no climate adaptation.",
                ["commitment:\(id)/adaptation \(adaptation?.status.rawValue ?? "not stated")"])
        }
        return gaps
    }

    /// The evidence of a municipality's scope-3 follow-up gap, or `nil` when it has none.
    static func scope3Evidence(_ id: PartyID, _ index: GapIndex) -> [String]? {
        let scope3Goals = index.goals(of: id).filter(\.coversScope3)
        let indicator = index.commitment(id, .reporting)?.scope3Indicator
        guard !scope3Goals.isEmpty, indicator != true else { return nil }
        return scope3Goals.map { "goal:\($0.id) covers scope 3" }
            + ["commitment:\(id)/3.8 scope3Indicator \(indicator.map(String.init) ?? "unstated")"]
    }

    /// The gaps filed under a coordinator: its own findings on the common text, and (for the
    /// lead coordinator) the joint scope-3 follow-up gap.
    private func jointGaps(_ coordinator: Party, _ index: GapIndex) -> [Gap] {
        let id = coordinator.id
        var gaps: [Gap] = []
        for section in ContractSection.allCases where section != .regionalHub {
            guard let commitment = index.commitment(id, section),
                commitment.status == .absent || commitment.status == .nothingDescribed
            else { continue }
            let heading = section == .adaptation ? section.title : "\(section.rawValue) (\(section.title))"
            let what = commitment.status == .absent ? "they have no section on \(heading)." : "they describe nothing under \(heading)."
            let finding = commitment.englishSummary.isEmpty ? what : commitment.englishSummary
            gaps.append(
                Gap(
                    id: "reporting-gap:\(id):\(section.rawValue)", kind: kind, parties: [id], levels: [coordinator.level],
                    topic: section.rawValue,
                    summary: "Joint finding on all the contracts (\(heading)): \(finding)",
                    evidence: [
                        "commitment:\(id)/\(section.rawValue) \(commitment.status.rawValue) (the contracts' common text, as the report judges it)"
                    ]))
        }
        guard index.leadCoordinator == id else { return gaps }
        var missing: [PartyID] = []
        var evidence: [String] = []
        for municipality in index.state.parties.values.filter({ $0.kind == .municipality }).map(\.id).sorted() {
            guard let lines = Self.scope3Evidence(municipality, index) else { continue }
            missing.append(municipality)
            evidence += lines
        }
        guard !missing.isEmpty else { return gaps }
        let levels = Set([coordinator.level] + missing.compactMap { index.state.parties[$0]?.level })
        let have = missing.count == 1 ? "has a consumption (scope-3) goal" : "have consumption (scope-3) goals"
        gaps.append(
            Gap(
                id: "reporting-gap:\(id):scope3-indicator", kind: kind, parties: (missing + [id]).sorted(),
                levels: levels.sorted(), topic: "scope3-indicator",
                summary: "\(GapText.names(sorted: missing, in: index.state)) \(have) but no scope-3 indicator to follow them up: "
                    + "a joint problem (no municipal data or shared method for consumption-based emissions) for \(coordinator.englishName) to take up with them.",
                evidence: evidence))
        return gaps
    }
}
