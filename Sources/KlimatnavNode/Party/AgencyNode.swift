import KlimatnavCore

/// A national agency: acknowledges, takes responsibility for and resolves regulatory
/// barriers, and claims investment areas at its level.
public actor AgencyNode: PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    /// Barriers this agency has taken responsibility for and not yet resolved.
    public private(set) var responsibilities: Set<String> = []
    public private(set) var resolved: Set<String> = []
    public private(set) var claimedTopics: Set<String> = []
    public private(set) var refused = 0

    public init(party: Party, link: PartyLink) {
        self.party = party
        self.link = link
    }

    public func record(_ event: DomainEvent, _ delivery: Delivery) {
        guard delivery.isAcknowledged else { refused += 1; return }
        switch event {
        case .barrierAssigned(let id, _): responsibilities.insert(id)
        case .barrierResolved(let id, _):
            responsibilities.remove(id)
            resolved.insert(id)
        case .responsibilityClaimed(let claim): claimedTopics.insert(claim.topic)
        case .responsibilityReleased(let claim): claimedTopics.remove(claim.topic)
        default: break
        }
    }
}
