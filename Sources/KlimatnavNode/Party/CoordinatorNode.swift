import KlimatnavCore
import KlimatnavWire

/// The programme coordinator (Viable Cities): opens and closes policy labs, states the goals
/// of the reference levels (Sweden, the EU), and follows the live gap feed.
public actor CoordinatorNode: PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    public nonisolated let feed: StateFeed?
    public private(set) var openLabs: Set<String> = []
    public private(set) var refused = 0

    public init(party: Party, link: PartyLink, feed: StateFeed?) {
        self.party = party
        self.link = link
        self.feed = feed
    }

    public func record(_ event: DomainEvent, _ delivery: Delivery) {
        guard delivery.isAcknowledged else { refused += 1; return }
        switch event {
        case .policyLabOpened(let lab): openLabs.insert(lab.id)
        case .policyLabClosed(let id): openLabs.remove(id)
        default: break
        }
    }

    /// The gap events seen on the live feed so far.
    public func gapFeed() async -> [GapMessage] {
        await feed?.gapEvents ?? []
    }
}
