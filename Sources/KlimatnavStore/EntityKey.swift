import KlimatnavCore

/// Which current-state row an event changes, without its value: what the hub notes per
/// message, so that it reads each changed entity from the state once per group commit
/// (``row(in:)``) however many messages of the batch changed it.
///
/// Two keys are equal when they name the same row (kind and id): a goal's owner, say, is
/// carried for the row's `party` column but does not make it another row.
public enum EntityKey: Hashable, Sendable {
    case party(PartyID)
    case goal(String, owner: PartyID)
    case commitment(CommitmentKey)
    case roadmap(String)
    case investmentArea(String, party: PartyID)
    case claim(party: PartyID, topic: String)
    case barrier(String)
    case policyLab(String)
    case membership(Membership)
    case revision(String)
    /// An emission inventory: party, year, and whether it is the party's own.
    case inventory(PartyID, year: Int, own: Bool)
    /// Where the follow-up of one gap stands (``WorldState/followUps``).
    case followUp(gap: String)

    /// The rows `event` changes (one per event today).
    public static func keys(for event: DomainEvent) -> [EntityKey] {
        switch event {
        case .partyRegistered(let party): [.party(party.id)]
        case .goalAsserted(let goal): [.goal(goal.id, owner: goal.party)]
        case .goalWithdrawn(let goalID, let party): [.goal(goalID, owner: party)]
        case .commitmentStated(let commitment): [.commitment(commitment.key)]
        case .roadmapPublished(let roadmap): [.roadmap(roadmap.id)]
        case .milestoneAdded(let roadmapID, _): [.roadmap(roadmapID)]
        case .investmentAreaRaised(let area): [.investmentArea(area.id, party: area.party)]
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim):
            [.claim(party: claim.party, topic: claim.topic)]
        case .barrierReported(let barrier): [.barrier(barrier.id)]
        case .barrierAcknowledged(let id, _), .barrierAssigned(let id, _), .barrierResolved(let id, _): [.barrier(id)]
        case .policyLabOpened(let lab): [.policyLab(lab.id)]
        case .policyLabClosed(let labID): [.policyLab(labID)]
        case .membershipJoined(let membership), .membershipLeft(let membership): [.membership(membership)]
        case .revisionClosed(let revision): [.revision(revision.id)]
        case .inventoryReported(let inventory): [.inventory(inventory.party, year: inventory.year, own: inventory.isOwn)]
        case .gapFollowedUp(let followUp): [.followUp(gap: followUp.gap)]
        }
    }

    /// The row as `state` has it: the entity's value, or no value when it is gone.
    public func row(in state: WorldState) -> EntityRow {
        func row<T: Encodable & Sendable>(_ kind: String, _ id: String, _ party: PartyID?, _ value: T?) -> EntityRow {
            EntityRow(kind: kind, id: id, party: party?.rawValue, value: value)
        }
        switch self {
        case .party(let id):
            return row("party", id.rawValue, id, state.parties[id])
        case .goal(let id, let owner):
            return row("goal", id, owner, state.goals[id])
        case .commitment(let key):
            return row("commitment", "\(key.party.rawValue)/\(key.section.rawValue)", key.party, state.commitments[key])
        case .roadmap(let id):
            let roadmap = state.roadmaps[id]
            return row("roadmap", id, roadmap?.owner, roadmap)
        case .investmentArea(let id, let party):
            return row("investment-area", id, party, state.investmentAreas[id])
        case .claim(let party, let topic):
            let present = state.claims.first { $0.party == party && $0.topic == topic }
            return row("claim", "\(party.rawValue)/\(topic)", party, present)
        case .barrier(let id):
            return row("barrier", id, nil, state.barriers[id])
        case .policyLab(let id):
            return row("policy-lab", id, nil, state.policyLabs[id])
        case .membership(let membership):
            let present = state.memberships.contains(membership) ? membership : nil
            return row("membership", "\(membership.hub.rawValue)/\(membership.member.rawValue)", membership.member, present)
        case .revision(let id):
            return row("revision", id, nil, state.revisions[id])
        case .inventory(let party, let year, let own):
            let book = own ? state.ownInventories : state.inventories
            return row(own ? "own-inventory" : "inventory", "\(party.rawValue)/\(year)", party, book[party]?[year])
        case .followUp(let gap):
            return row("gap-followup", gap, state.followUps[gap]?.assignee, state.followUps[gap])
        }
    }

    /// The row's kind and id, as stored.
    public var kindAndID: (kind: String, id: String) {
        switch self {
        case .party(let id): ("party", id.rawValue)
        case .goal(let id, _): ("goal", id)
        case .commitment(let key): ("commitment", "\(key.party.rawValue)/\(key.section.rawValue)")
        case .roadmap(let id): ("roadmap", id)
        case .investmentArea(let id, _): ("investment-area", id)
        case .claim(let party, let topic): ("claim", "\(party.rawValue)/\(topic)")
        case .barrier(let id): ("barrier", id)
        case .policyLab(let id): ("policy-lab", id)
        case .membership(let membership): ("membership", "\(membership.hub.rawValue)/\(membership.member.rawValue)")
        case .revision(let id): ("revision", id)
        case .inventory(let party, let year, let own): (own ? "own-inventory" : "inventory", "\(party.rawValue)/\(year)")
        case .followUp(let gap): ("gap-followup", gap)
        }
    }

    public static func == (lhs: EntityKey, rhs: EntityKey) -> Bool {
        switch (lhs, rhs) {
        case (.goal(let a, _), .goal(let b, _)): a == b
        case (.investmentArea(let a, _), .investmentArea(let b, _)): a == b
        case (.goal, _), (.investmentArea, _): false
        default: lhs.kindAndID == rhs.kindAndID
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .goal(let id, _):
            hasher.combine(1)
            hasher.combine(id)
        case .investmentArea(let id, _):
            hasher.combine(2)
            hasher.combine(id)
        default:
            let (kind, id) = kindAndID
            hasher.combine(kind)
            hasher.combine(id)
        }
    }
}
