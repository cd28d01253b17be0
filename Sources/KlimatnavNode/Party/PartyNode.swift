import KlimatnavCore

/// A party's actor in a run: who it is, its link to the hub, and (for a party that follows
/// the shared state) its feed. Every party of every kind (municipality, agency, regional
/// hub, roadmap owner, coordinator) speaks only through its own node.
public actor PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    /// The party's replica of the shared state, when it subscribes to the hub's feed.
    public nonisolated let feed: StateFeed?

    public init(party: Party, link: PartyLink, feed: StateFeed? = nil) {
        self.party = party
        self.link = link
        self.feed = feed
    }

    /// Sends `event` and waits for the hub's answer.
    @discardableResult
    public func say(_ event: DomainEvent) async throws -> Delivery {
        try await link.deliver(event)
    }
}
