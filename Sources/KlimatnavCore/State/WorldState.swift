/// Everything the hub knows: parties and what they have asserted. A value type; applying an
/// event either changes it or throws ``StateError`` and leaves it as it was.
public struct WorldState: Hashable, Sendable {
    public var parties: [PartyID: Party] = [:]
    public var goals: [String: Goal] = [:]
    public var commitments: [CommitmentKey: Commitment] = [:]
    public var roadmaps: [String: Roadmap] = [:]
    public var investmentAreas: [String: InvestmentArea] = [:]
    public var claims: Set<ResponsibilityClaim> = []
    public var barriers: [String: RegulatoryBarrier] = [:]
    public var policyLabs: [String: PolicyLab] = [:]
    public var memberships: Set<Membership> = []
    /// Closed contract revisions by id (`"2021"`).
    public var revisions: [String: Revision] = [:]
    /// Official emission inventories (the statistics agency's, or the coordinator's
    /// corrections) by party and year.
    public var inventories: [PartyID: [Int: EmissionInventory]] = [:]
    /// Inventories a party reports of itself, by party and year: kept apart from the
    /// official ones and compared with them, never mixed in.
    public var ownInventories: [PartyID: [Int: EmissionInventory]] = [:]
    /// Where the follow-up of each gap stands, by gap id (`gap.followup`); gaps nobody has
    /// followed up are absent.
    public var followUps: [String: GapFollowUpState] = [:]

    public init() {}

    /// Builds a state by applying `events` in order.
    public init(applying events: [DomainEvent]) throws(StateError) {
        for event in events { try apply(event) }
    }

    /// The party with `id`, or a ``StateError`` naming it.
    public func party(_ id: PartyID) throws(StateError) -> Party {
        guard let party = parties[id] else {
            throw StateError(.unknownParty, "no party '\(id)' is registered")
        }
        return party
    }

    /// Goals of one party, in id order.
    public func goals(of party: PartyID) -> [Goal] {
        goals.values.filter { $0.party == party }.sorted { $0.id < $1.id }
    }

    /// Hubs a party is a member of, in id order.
    public func hubs(of member: PartyID) -> [PartyID] {
        memberships.filter { $0.member == member }.map(\.hub).sorted()
    }

    /// Members of a hub, in id order.
    public func members(of hub: PartyID) -> [PartyID] {
        memberships.filter { $0.hub == hub }.map(\.member).sorted()
    }

    /// Parties of one kind, in id order.
    public func parties(ofKind kind: PartyKind) -> [Party] {
        parties.values.filter { $0.kind == kind }.sorted { $0.id < $1.id }
    }
}
