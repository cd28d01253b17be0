import KlimatnavCore

/// A regional innovation hub or network: manages its membership and keeps a synced copy of
/// its members' goals and of the roadmaps above it (snapshot + deltas, see ``StateFeed``).
public actor RegionalHubNode: PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    /// The hub's replica of the shared state, when it subscribes to the hub's feed.
    public nonisolated let feed: StateFeed?
    public private(set) var members: Set<PartyID> = []
    public private(set) var refused = 0

    public init(party: Party, link: PartyLink, feed: StateFeed?) {
        self.party = party
        self.link = link
        self.feed = feed
    }

    public func record(_ event: DomainEvent, _ delivery: Delivery) {
        guard delivery.isAcknowledged else { refused += 1; return }
        switch event {
        case .membershipJoined(let membership): members.insert(membership.member)
        case .membershipLeft(let membership): members.remove(membership.member)
        default: break
        }
    }

    /// The members' goals and the roadmaps above this hub, from the synced replica.
    public func regionalView() async -> (goals: [Goal], roadmapsAbove: [Roadmap]) {
        guard let feed else { return ([], []) }
        let replica = await feed.replica
        return (replica.memberGoals(of: party.id), replica.roadmaps(above: party.level))
    }
}
