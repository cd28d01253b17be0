import KlimatnavCore

/// An industry roadmap owner (such as Fossilfritt Sverige): maintains its roadmaps.
public actor RoadmapOwnerNode: PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    public private(set) var roadmaps: [String: Roadmap] = [:]
    public private(set) var refused = 0

    public init(party: Party, link: PartyLink) {
        self.party = party
        self.link = link
    }

    public func record(_ event: DomainEvent, _ delivery: Delivery) {
        guard delivery.isAcknowledged else { refused += 1; return }
        switch event {
        case .roadmapPublished(let roadmap): roadmaps[roadmap.id] = roadmap
        case .milestoneAdded(let id, let milestone): roadmaps[id]?.milestones.append(milestone)
        default: break
        }
    }
}
