/// `regional-hub-gap:<county>:members-without-climate-plan`: a regional-level hub (a county)
/// where at least half of the member municipalities have no climate plan (no local roadmap
/// they own): a finding for the regional level, which supports its municipalities' planning.
/// Assessed only in a state that records programme membership (``ProgrammeScope``: the national
/// picture, where every municipality's climate plan is known), not in the 2021 seed, whose
/// regional innovation hubs are not counties and whose members' plans are not all listed.
/// Joined to ``RegionalHubGapRule`` with ``MergedRule`` (one rule per kind).
///
/// Subject: a party (the hub).
public struct RegionalCoverageRule: GapRule {
    /// The share of members without a plan from which the county is reported (0.5).
    public var threshold: Double
    public var kind: GapKind { .regionalHubGap }

    public init(threshold: Double = 0.5) { self.threshold = threshold }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.membersByHub.keys.map(GapSubject.party))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) || ProgrammeScope.changesScope(event, before: before) { return nil }
        switch event {
        case .partyRegistered(let party): return [.party(party.id)]
        case .membershipJoined(let membership), .membershipLeft(let membership): return [.party(membership.hub)]
        case .roadmapPublished(let roadmap):
            // The owner's plan, before and after (an owner can change with a restated id).
            let owners = Set([roadmap.owner] + (before.state.roadmaps[roadmap.id].map { [$0.owner] } ?? []))
            return Set(owners.flatMap { before.hubsByMember[$0] ?? [] }.map(GapSubject.party))
        default: return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .party(let id) = subject, let hub = index.state.parties[id], hub.kind == .regionalHub, hub.level == .regional,
            ProgrammeScope.hasProgrammes(index)
        else { return [] }
        let members = (index.membersByHub[id] ?? []).filter { index.state.parties[$0]?.kind == .municipality }.sorted()
        guard !members.isEmpty else { return [] }
        let without = members.filter { member in
            !(index.roadmapsByOwner[member] ?? []).contains { index.state.roadmaps[$0]?.level == .local }
        }
        guard Double(without.count) >= threshold * Double(members.count) else { return [] }
        return [
            Gap(
                id: "regional-hub-gap:\(id):members-without-climate-plan", kind: kind, parties: [id] + without,
                levels: [.regional, .local], topic: "climate-plans",
                summary:
                    "\(without.count) of \(GapText.possessive(hub.englishName)) \(members.count) municipalities have no climate plan: \(GapText.names(sorted: without, in: index.state)).",
                evidence: ["members of \(id): \(members.count)", "without a local roadmap (climate plan): \(without.count)"])
        ]
    }
}
