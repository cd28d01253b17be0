/// `regional-hub-gap`: the municipality as regional innovation hub (section 3.7), report
/// section 4.7.
/// - `regional-hub-gap:<municipality>:no-hub-section`: section 3.7 absent or nothing described;
/// - `regional-hub-gap:<municipality>:no-hub-membership`: not a member of any regional hub;
/// - `regional-hub-gap:<hub>:members-without-target-year`: a hub with municipality members
///   that have no goal with a target year;
/// - `regional-hub-gap:<coordinator>:section-purpose`: the coordinator's commitment on 3.7 (the
///   report's finding on the section in all the contracts) is absent or describes nothing: the
///   purpose of the section is not defined (report 4.7).
///
/// Subject: a party (a municipality or a regional hub).
public struct RegionalHubGapRule: GapRule {
    public var kind: GapKind { .regionalHubGap }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.parties.keys.map(GapSubject.party))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        switch event {
        case .partyRegistered(let party): return [.party(party.id)]
        case .commitmentStated(let commitment): return [.party(commitment.party)]
        case .membershipJoined(let membership), .membershipLeft(let membership):
            return [.party(membership.member), .party(membership.hub)]
        case .goalAsserted, .goalWithdrawn:
            var subjects = Set<GapSubject>()
            for owner in event.goalOwners(before: before.state) {
                for hub in before.hubsByMember[owner] ?? [] { subjects.insert(.party(hub)) }
            }
            return subjects
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .party(let id) = subject, let party = index.state.parties[id] else { return [] }
        switch party.kind {
        case .municipality: return municipalityGaps(party, index)
        case .coordinator: return coordinatorGaps(party, index)
        case .regionalHub: return hubGaps(party, index)
        default: return []
        }
    }

    private func municipalityGaps(_ party: Party, _ index: GapIndex) -> [Gap] {
        var gaps: [Gap] = []
        let section = index.commitment(party.id, .regionalHub)
        if section == nil || section?.status == .absent || section?.status == .nothingDescribed {
            let what = section?.status == .nothingDescribed ? "describes nothing under" : "has no"
            gaps.append(
                Gap(
                    id: "regional-hub-gap:\(party.id):no-hub-section", kind: kind, parties: [party.id],
                    levels: [party.level], topic: ContractSection.regionalHub.rawValue,
                    summary: "\(party.englishName)'s contract \(what) section 3.7 on acting as a regional innovation hub.",
                    evidence: ["commitment:\(party.id)/3.7 \(section?.status.rawValue ?? "not stated")"]))
        }
        let hubs = (index.hubsByMember[party.id] ?? []).filter { index.state.parties[$0]?.kind == .regionalHub }
        if hubs.isEmpty {
            gaps.append(
                Gap(
                    id: "regional-hub-gap:\(party.id):no-hub-membership", kind: kind, parties: [party.id],
                    levels: [party.level], topic: "hub-membership",
                    summary: "\(party.englishName) is not a member of any regional innovation hub.",
                    evidence: [
                        "memberships of \(party.id): "
                            + ((index.hubsByMember[party.id] ?? []).isEmpty
                                ? "none"
                                : (index.hubsByMember[party.id] ?? []).sorted().map(\.rawValue).joined(separator: ", "))
                    ]))
        }
        return gaps
    }

    /// The coordinator's commitment on 3.7 is the report's finding on the section in all the
    /// contracts: nothing described (or absent) means its purpose is not defined (report 4.7).
    private func coordinatorGaps(_ coordinator: Party, _ index: GapIndex) -> [Gap] {
        guard let section = index.commitment(coordinator.id, .regionalHub),
            section.status == .absent || section.status == .nothingDescribed
        else { return [] }
        let finding = section.englishSummary.isEmpty ? "the purpose of the section is not defined." : section.englishSummary
        return [
            Gap(
                id: "regional-hub-gap:\(coordinator.id):section-purpose", kind: kind, parties: [coordinator.id],
                levels: [coordinator.level], topic: ContractSection.regionalHub.rawValue,
                summary: "Joint finding on all the contracts (3.7, the municipality as regional innovation hub): \(finding)",
                evidence: [
                    "commitment:\(coordinator.id)/3.7 \(section.status.rawValue) (the contracts' common text, as the report judges it)"
                ])
        ]
    }

    private func hubGaps(_ hub: Party, _ index: GapIndex) -> [Gap] {
        let state = index.state
        let missing = (index.membersByHub[hub.id] ?? []).sorted().filter { member in
            state.parties[member]?.kind == .municipality && !index.hasGoal(of: member, where: { $0.targetYear != nil })
        }
        guard !missing.isEmpty else { return [] }
        let levels = Set([hub.level] + missing.compactMap { state.parties[$0]?.level })
        return [
            Gap(
                id: "regional-hub-gap:\(hub.id):members-without-target-year", kind: kind,
                parties: ([hub.id] + missing).sorted(), levels: levels.sorted(), topic: "hub-target-years",
                summary: "\(hub.englishName) has members with no climate target year: \(GapText.names(missing, in: state)).",
                evidence: missing.map { "member \($0) has no goal with a target year" })
        ]
    }
}
