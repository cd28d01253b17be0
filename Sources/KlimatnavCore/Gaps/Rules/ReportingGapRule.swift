/// `reporting-gap`: what a municipality's contract leaves out. Report section 4.8 (and 4.5 on
/// adaptation). Applies to municipalities and to any party that has stated commitments.
/// - `reporting-gap:<party>:<section>`: a required section 3.1-3.8 absent or with nothing
///   described (3.7 is left to ``RegionalHubGapRule`` so it is not reported twice);
/// - `reporting-gap:<party>:scope3-indicator`: a scope-3 goal but no scope-3 indicator under 3.8;
/// - `reporting-gap:<party>:adaptation`: no adaptation content described.
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
        switch event {
        case .partyRegistered(let party): return [.party(party.id)]
        case .commitmentStated(let commitment): return [.party(commitment.party)]
        case .goalAsserted, .goalWithdrawn:
            var subjects = Set<GapSubject>()
            for owner in event.goalOwners(before: before.state) { subjects.insert(.party(owner)) }
            return subjects
        default: return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .party(let id) = subject, let party = index.state.parties[id],
            party.kind == .municipality || index.hasCommitments(id)
        else { return [] }
        var gaps: [Gap] = []
        func gap(_ key: String, _ summary: String, _ evidence: [String]) {
            gaps.append(
                Gap(id: "reporting-gap:\(id):\(key)", kind: kind, parties: [id], levels: [party.level], topic: key,
                    summary: summary, evidence: evidence))
        }
        for section in ContractSection.required where section != .regionalHub {
            let commitment = index.commitment(id, section)
            switch commitment?.status {
            case nil, .absent?:
                gap(section.rawValue, "\(party.name)'s contract has no section \(section.rawValue) (\(section.title)).",
                    ["commitment:\(id)/\(section.rawValue) \(commitment == nil ? "not stated" : "absent")"])
            case .nothingDescribed?:
                gap(section.rawValue, "\(party.name)'s contract describes nothing under \(section.rawValue) (\(section.title)).",
                    ["commitment:\(id)/\(section.rawValue) nothing-described"])
            default:
                break
            }
        }
        let scope3Goals = index.goals(of: id).filter(\.coversScope3)
        if !scope3Goals.isEmpty, index.commitment(id, .reporting)?.scope3Indicator != true {
            gap("scope3-indicator",
                "\(party.name) has a consumption (scope-3) goal but no scope-3 indicator to follow it up.",
                scope3Goals.map { "goal:\($0.id) covers scope 3" } + ["commitment:\(id)/3.8 scope3Indicator \(index.commitment(id, .reporting)?.scope3Indicator.map(String.init) ?? "unstated")"])
        }
        let adaptation = index.commitment(id, .adaptation)
        if adaptation?.status != .described {
            gap("adaptation", "\(party.name)'s contract describes no climate adaptation.",
                ["commitment:\(id)/adaptation \(adaptation?.status.rawValue ?? "not stated")"])
        }
        return gaps
    }
}
