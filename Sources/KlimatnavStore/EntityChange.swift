import KlimatnavCore

/// A row of current state to write: an entity's value after a message, or its removal.
public struct EntityChange: Sendable, Hashable {
    public var kind: String
    public var id: String
    public var party: String?
    /// The entity as JSON, or `nil` when it was removed.
    public var json: String?

    public init(kind: String, id: String, party: String?, json: String?) {
        self.kind = kind
        self.id = id
        self.party = party
        self.json = json
    }

    /// The entity rows `event` changed, read from `state` after the event was applied.
    public static func changes(for event: DomainEvent, in state: WorldState) throws -> [EntityChange] {
        try rows(for: event, in: state).map { try $0.change() }
    }

    /// The same rows with their values not yet encoded: the hub keeps only the last row per
    /// entity in a group commit and encodes that one (``EntityRow/change()``).
    public static func rows(for event: DomainEvent, in state: WorldState) -> [EntityRow] {
        func row<T: Encodable & Sendable>(_ kind: String, _ id: String, _ party: PartyID?, _ value: T?) -> EntityRow {
            EntityRow(kind: kind, id: id, party: party?.rawValue, value: value)
        }
        switch event {
        case .partyRegistered(let party):
            return [row("party", party.id.rawValue, party.id, state.parties[party.id])]
        case .goalAsserted(let goal):
            return [row("goal", goal.id, goal.party, state.goals[goal.id])]
        case .goalWithdrawn(let goalID, let party):
            return [row("goal", goalID, party, state.goals[goalID])]
        case .commitmentStated(let commitment):
            let key = commitment.key
            return [row("commitment", "\(key.party.rawValue)/\(key.section.rawValue)", key.party, state.commitments[key])]
        case .roadmapPublished(let roadmap):
            return [row("roadmap", roadmap.id, roadmap.owner, state.roadmaps[roadmap.id])]
        case .milestoneAdded(let roadmapID, _):
            let roadmap = state.roadmaps[roadmapID]
            return [row("roadmap", roadmapID, roadmap?.owner, roadmap)]
        case .investmentAreaRaised(let area):
            return [row("investment-area", area.id, area.party, state.investmentAreas[area.id])]
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim):
            let present = state.claims.first { $0.party == claim.party && $0.topic == claim.topic }
            return [row("claim", "\(claim.party.rawValue)/\(claim.topic)", claim.party, present)]
        case .barrierReported(let barrier):
            return [row("barrier", barrier.id, nil, state.barriers[barrier.id])]
        case .barrierAcknowledged(let id, _), .barrierAssigned(let id, _), .barrierResolved(let id, _):
            return [row("barrier", id, nil, state.barriers[id])]
        case .policyLabOpened(let lab):
            return [row("policy-lab", lab.id, nil, state.policyLabs[lab.id])]
        case .policyLabClosed(let labID):
            return [row("policy-lab", labID, nil, state.policyLabs[labID])]
        case .membershipJoined(let membership), .membershipLeft(let membership):
            let present = state.memberships.contains(membership) ? membership : nil
            return [row("membership", "\(membership.hub.rawValue)/\(membership.member.rawValue)", membership.member, present)]
        case .revisionClosed(let revision):
            return [row("revision", revision.id, nil, state.revisions[revision.id])]
        }
    }
}
