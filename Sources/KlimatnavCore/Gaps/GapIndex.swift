/// A world state with the lookups the gap rules need, built once per full recompute and kept
/// up to date event by event (``update(applying:before:)``) for incremental detection.
///
/// Lookup values are sets, so an index built from scratch equals one kept up to date.
public struct GapIndex: Hashable, Sendable {
    public internal(set) var state: WorldState
    /// Goal ids of each party.
    public internal(set) var goalsByParty: [PartyID: Set<String>] = [:]
    /// Investment-area ids of each topic.
    public internal(set) var areasByTopic: [String: Set<String>] = [:]
    /// Responsibility claims of each topic.
    public internal(set) var claimsByTopic: [String: Set<ResponsibilityClaim>] = [:]
    /// Barrier ids blocking each topic.
    public internal(set) var barriersByTopic: [String: Set<String>] = [:]
    /// Policy-lab ids (open or closed) of each barrier.
    public internal(set) var labsByBarrier: [String: Set<String>] = [:]
    /// Roadmap ids each party signed.
    public internal(set) var roadmapsBySignatory: [PartyID: Set<String>] = [:]
    /// Roadmap ids naming each roadmap as parent.
    public internal(set) var roadmapsByParent: [String: Set<String>] = [:]
    /// Hubs of each member.
    public internal(set) var hubsByMember: [PartyID: Set<PartyID>] = [:]
    /// Members of each hub.
    public internal(set) var membersByHub: [PartyID: Set<PartyID>] = [:]
    /// Parties of kind `reference` (Sweden, the EU).
    public internal(set) var referenceParties: Set<PartyID> = []

    /// Builds every lookup from `state` (linear in the size of the state).
    public init(_ state: WorldState) {
        self.state = state
        for goal in state.goals.values { indexInsert(goal.id, at: goal.party, in: &goalsByParty) }
        for area in state.investmentAreas.values { indexInsert(area.id, at: area.topic, in: &areasByTopic) }
        for claim in state.claims { indexInsert(claim, at: claim.topic, in: &claimsByTopic) }
        for barrier in state.barriers.values { indexBarrier(barrier) }
        for lab in state.policyLabs.values { indexInsert(lab.id, at: lab.barrier, in: &labsByBarrier) }
        for roadmap in state.roadmaps.values { indexRoadmap(roadmap, add: true) }
        for membership in state.memberships { indexMembership(membership, add: true) }
        referenceParties = Set(state.parties.values.filter { $0.kind == .reference }.map(\.id))
    }

    // MARK: Queries

    /// Goals of a party, in id order.
    public func goals(of party: PartyID) -> [Goal] {
        (goalsByParty[party] ?? []).sorted().compactMap { state.goals[$0] }
    }

    /// Investment areas of a topic, in id order.
    public func areas(topic: String) -> [InvestmentArea] {
        (areasByTopic[topic] ?? []).sorted().compactMap { state.investmentAreas[$0] }
    }

    /// Claims of a topic.
    public func claims(topic: String) -> Set<ResponsibilityClaim> { claimsByTopic[topic] ?? [] }

    /// Open policy labs for a barrier, in id order.
    public func openLabs(barrier: String) -> [PolicyLab] {
        (labsByBarrier[barrier] ?? []).sorted().compactMap { state.policyLabs[$0] }.filter { $0.status == .open }
    }

    /// All policy labs for a barrier, in id order.
    public func labs(barrier: String) -> [PolicyLab] {
        (labsByBarrier[barrier] ?? []).sorted().compactMap { state.policyLabs[$0] }
    }

    /// The commitment of a party under a section, if stated.
    public func commitment(_ party: PartyID, _ section: ContractSection) -> Commitment? {
        state.commitments[CommitmentKey(party: party, section: section)]
    }

    /// Whether a party has stated anything under any section.
    public func hasCommitments(_ party: PartyID) -> Bool {
        ContractSection.allCases.contains { commitment(party, $0) != nil }
    }

    // MARK: Building blocks (shared with the incremental update)

    mutating func indexBarrier(_ barrier: RegulatoryBarrier) {
        for topic in barrier.affectedTopics { indexInsert(barrier.id, at: topic, in: &barriersByTopic) }
    }

    mutating func unindexBarrier(_ barrier: RegulatoryBarrier) {
        for topic in barrier.affectedTopics { indexRemove(barrier.id, at: topic, in: &barriersByTopic) }
    }

    mutating func indexRoadmap(_ roadmap: Roadmap, add: Bool) {
        for party in roadmap.signatories {
            add ? indexInsert(roadmap.id, at: party, in: &roadmapsBySignatory)
                : indexRemove(roadmap.id, at: party, in: &roadmapsBySignatory)
        }
        if let parent = roadmap.parent {
            add ? indexInsert(roadmap.id, at: parent, in: &roadmapsByParent)
                : indexRemove(roadmap.id, at: parent, in: &roadmapsByParent)
        }
    }

    mutating func indexMembership(_ membership: Membership, add: Bool) {
        if add {
            indexInsert(membership.hub, at: membership.member, in: &hubsByMember)
            indexInsert(membership.member, at: membership.hub, in: &membersByHub)
        } else {
            indexRemove(membership.hub, at: membership.member, in: &hubsByMember)
            indexRemove(membership.member, at: membership.hub, in: &membersByHub)
        }
    }

    mutating func setState(_ state: WorldState) { self.state = state }
    mutating func setReference(_ party: PartyID, _ isReference: Bool) {
        if isReference { referenceParties.insert(party) } else { referenceParties.remove(party) }
    }
}

func indexInsert<K: Hashable, V: Hashable>(_ value: V, at key: K, in map: inout [K: Set<V>]) {
    map[key, default: []].insert(value)
}

func indexRemove<K: Hashable, V: Hashable>(_ value: V, at key: K, in map: inout [K: Set<V>]) {
    guard var set = map[key] else { return }
    set.remove(value)
    map[key] = set.isEmpty ? nil : set
}
