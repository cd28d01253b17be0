extension WorldState {
    /// The state as a list of events that rebuild it from empty, in dependency order
    /// (parties, memberships, goals with parents first, commitments, roadmaps with parents
    /// first, areas, claims, barriers, policy labs, revisions). Used for snapshots.
    public func events() -> [DomainEvent] {
        var events: [DomainEvent] = parties.values.sorted { $0.id < $1.id }.map { .partyRegistered($0) }
        events += memberships.sorted { ($0.hub, $0.member) < ($1.hub, $1.member) }.map { .membershipJoined($0) }
        events += ordered(goals.values.sorted { $0.id < $1.id }, id: \.id, parent: \.interimOf).map { .goalAsserted($0) }
        events += commitments.values.sorted { ($0.party, $0.section) < ($1.party, $1.section) }.map { .commitmentStated($0) }
        events += ordered(roadmaps.values.sorted { $0.id < $1.id }, id: \.id, parent: \.parent).map { .roadmapPublished($0) }
        events += investmentAreas.values.sorted { $0.id < $1.id }.map { .investmentAreaRaised($0) }
        events += claims.sorted { ($0.topic, $0.party) < ($1.topic, $1.party) }.map { .responsibilityClaimed($0) }
        events += barriers.values.sorted { $0.id < $1.id }.map { .barrierReported($0) }
        events += policyLabs.values.sorted { $0.id < $1.id }.map { .policyLabOpened($0) }
        events += revisions.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map { .revisionClosed($0) }
        for book in [inventories, ownInventories] {
            for party in book.keys.sorted() {
                events += book[party]!.keys.sorted().map { .inventoryReported(book[party]![$0]!) }
            }
        }
        for gap in followUps.keys.sorted() {
            events += followUps[gap]!.events(gap: gap).map { .gapFollowedUp($0) }
        }
        return events
    }

    /// `items` with every parent before its children (parents outside `items` are ignored).
    private func ordered<T>(_ items: [T], id: KeyPath<T, String>, parent: KeyPath<T, String?>) -> [T] {
        let byID = Dictionary(items.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
        var placed = Set<String>()
        var result: [T] = []
        func place(_ item: T, depth: Int) {
            let key = item[keyPath: id]
            guard !placed.contains(key), depth < items.count + 1 else { return }
            if let parentID = item[keyPath: parent], let parentItem = byID[parentID] {
                place(parentItem, depth: depth + 1)
            }
            if placed.insert(key).inserted { result.append(item) }
        }
        for item in items { place(item, depth: 0) }
        return result
    }
}
