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
    /// Roadmap ids each party owns.
    public internal(set) var roadmapsByOwner: [PartyID: Set<String>] = [:]
    /// Roadmap ids naming each roadmap as parent.
    public internal(set) var roadmapsByParent: [String: Set<String>] = [:]
    /// Hubs of each member.
    public internal(set) var hubsByMember: [PartyID: Set<PartyID>] = [:]
    /// Members of each hub.
    public internal(set) var membersByHub: [PartyID: Set<PartyID>] = [:]
    /// Parties of kind `reference` (Sweden, the EU).
    public internal(set) var referenceParties: Set<PartyID> = []
    /// Parties of kind `coordinator` (the programme, e.g. Viable Cities).
    public internal(set) var coordinators: Set<PartyID> = []
    /// The parties acting at each level, reference parties left out: a level with none is not
    /// modelled (nobody there could claim anything).
    public internal(set) var partiesByLevel: [Level: Set<PartyID>] = [:]
    /// ``goalsByParty`` and ``areasByTopic`` as id-sorted arrays, kept alongside the sets so
    /// the queries below need no sort per call (the rules ask for them per subject). Derived
    /// deterministically from the sets, so equality of indexes is unaffected.
    private(set) var sortedGoalsByParty: [PartyID: [String]] = [:]
    private(set) var sortedAreasByTopic: [String: [String]] = [:]

    /// Builds every lookup from `state` (linear in the size of the state).
    public init(_ state: WorldState) {
        self.state = state
        for goal in state.goals.values { indexInsert(goal.id, at: goal.party, in: &goalsByParty) }
        for area in state.investmentAreas.values { indexInsert(area.id, at: area.topic, in: &areasByTopic) }
        sortedGoalsByParty = goalsByParty.mapValues { $0.sorted() }
        sortedAreasByTopic = areasByTopic.mapValues { $0.sorted() }
        for claim in state.claims { indexInsert(claim, at: claim.topic, in: &claimsByTopic) }
        for barrier in state.barriers.values { indexBarrier(barrier) }
        for lab in state.policyLabs.values { indexInsert(lab.id, at: lab.barrier, in: &labsByBarrier) }
        for roadmap in state.roadmaps.values { indexRoadmap(roadmap, add: true) }
        for membership in state.memberships { indexMembership(membership, add: true) }
        referenceParties = Set(state.parties.values.filter { $0.kind == .reference }.map(\.id))
        for party in state.parties.values { indexParty(party, add: true) }
    }

    // MARK: Queries

    /// Goals of a party, in id order.
    public func goals(of party: PartyID) -> [Goal] {
        (sortedGoalsByParty[party] ?? []).compactMap { state.goals[$0] }
    }

    /// Whether some goal of `party` satisfies `predicate` (no array of goals built).
    public func hasGoal(of party: PartyID, where predicate: (Goal) -> Bool) -> Bool {
        guard let ids = sortedGoalsByParty[party] else { return false }
        return ids.contains { id in state.goals[id].map(predicate) ?? false }
    }

    /// Investment areas of a topic, in id order.
    public func areas(topic: String) -> [InvestmentArea] {
        (sortedAreasByTopic[topic] ?? []).compactMap { state.investmentAreas[$0] }
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

    mutating func indexGoal(_ id: String, party: PartyID, add: Bool) {
        if add {
            indexInsert(id, at: party, in: &goalsByParty)
            sortedInsert(id, at: party, in: &sortedGoalsByParty)
        } else {
            indexRemove(id, at: party, in: &goalsByParty)
            sortedRemove(id, at: party, in: &sortedGoalsByParty)
        }
    }

    mutating func indexArea(_ id: String, topic: String, add: Bool) {
        if add {
            indexInsert(id, at: topic, in: &areasByTopic)
            sortedInsert(id, at: topic, in: &sortedAreasByTopic)
        } else {
            indexRemove(id, at: topic, in: &areasByTopic)
            sortedRemove(id, at: topic, in: &sortedAreasByTopic)
        }
    }

    mutating func indexBarrier(_ barrier: RegulatoryBarrier) {
        for topic in barrier.affectedTopics { indexInsert(barrier.id, at: topic, in: &barriersByTopic) }
    }

    mutating func unindexBarrier(_ barrier: RegulatoryBarrier) {
        for topic in barrier.affectedTopics { indexRemove(barrier.id, at: topic, in: &barriersByTopic) }
    }

    mutating func indexRoadmap(_ roadmap: Roadmap, add: Bool) {
        add
            ? indexInsert(roadmap.id, at: roadmap.owner, in: &roadmapsByOwner)
            : indexRemove(roadmap.id, at: roadmap.owner, in: &roadmapsByOwner)
        for party in roadmap.signatories {
            add
                ? indexInsert(roadmap.id, at: party, in: &roadmapsBySignatory)
                : indexRemove(roadmap.id, at: party, in: &roadmapsBySignatory)
        }
        if let parent = roadmap.parent {
            add
                ? indexInsert(roadmap.id, at: parent, in: &roadmapsByParent)
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

    mutating func indexParty(_ party: Party, add: Bool) {
        if party.kind == .coordinator {
            if add { coordinators.insert(party.id) } else { coordinators.remove(party.id) }
        }
        guard party.kind != .reference else { return }
        add
            ? indexInsert(party.id, at: party.level, in: &partiesByLevel)
            : indexRemove(party.id, at: party.level, in: &partiesByLevel)
    }

    /// Whether some party (not a reference level) acts at `level`.
    public func isModelled(_ level: Level) -> Bool { !(partiesByLevel[level]?.isEmpty ?? true) }

    /// The programme coordinator gaps about the contracts as a whole are filed under: the
    /// first coordinator by id, or `nil` when there is none.
    public var leadCoordinator: PartyID? { coordinators.min() }

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

/// Inserts `value` into the sorted, duplicate-free array at `key` (binary search).
func sortedInsert<K: Hashable, V: Comparable>(_ value: V, at key: K, in map: inout [K: [V]]) {
    map[key, default: []].withSortedInsert(value)
}

/// Removes `value` from the sorted array at `key`, dropping the key when it empties.
func sortedRemove<K: Hashable, V: Comparable>(_ value: V, at key: K, in map: inout [K: [V]]) {
    let found = map[key].flatMap { array -> Int? in
        let position = array.sortedPosition(of: value)
        return position < array.count && array[position] == value ? position : nil
    }
    guard let position = found else { return }
    if map[key]!.count == 1 { map[key] = nil } else { map[key]!.remove(at: position) }
}

extension Array where Element: Comparable {
    /// The first position whose element is not less than `value`.
    func sortedPosition(of value: Element) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func withSortedInsert(_ value: Element) {
        let position = sortedPosition(of: value)
        if position < count, self[position] == value { return }
        insert(value, at: position)
    }
}
