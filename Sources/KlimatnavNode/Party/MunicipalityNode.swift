import KlimatnavCore

/// A municipality: asserts its goals, contract commitments (sections 3.1-3.8), investment
/// areas and barrier reports.
public actor MunicipalityNode: PartyNode {
    public nonisolated let party: Party
    public nonisolated let link: PartyLink
    /// The goals the hub has accepted from this municipality.
    public private(set) var goals: [String: Goal] = [:]
    public private(set) var commitments: [ContractSection: Commitment] = [:]
    public private(set) var barriersReported: Set<String> = []
    public private(set) var refused = 0

    public init(party: Party, link: PartyLink) {
        self.party = party
        self.link = link
    }

    public func record(_ event: DomainEvent, _ delivery: Delivery) {
        guard delivery.isAcknowledged else { refused += 1; return }
        switch event {
        case .goalAsserted(let goal): goals[goal.id] = goal
        case .goalWithdrawn(let id, _): goals[id] = nil
        case .commitmentStated(let commitment): commitments[commitment.section] = commitment
        case .barrierReported(let barrier): barriersReported.insert(barrier.id)
        default: break
        }
    }
}
