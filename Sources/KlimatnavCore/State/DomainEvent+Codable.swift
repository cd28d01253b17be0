/// The body shapes of events that refer to things by id. Events that carry a whole value
/// (a goal, a roadmap, ...) use that value's own shape as their body.
public enum EventBody {
    public struct GoalRef: Codable, Hashable, Sendable {
        public var goal: String
        public var party: PartyID
    }
    public struct MilestoneAdd: Codable, Hashable, Sendable {
        public var roadmap: String
        public var milestone: Milestone
    }
    public struct BarrierAct: Codable, Hashable, Sendable {
        public var barrier: String
        public var by: PartyID
    }
    public struct BarrierAssign: Codable, Hashable, Sendable {
        public var barrier: String
        public var agency: PartyID
    }
    public struct LabRef: Codable, Hashable, Sendable {
        public var lab: String
    }
}

extension DomainEvent {
    /// Every event name, as used on the wire and in playbooks.
    public static let names: [String] = [
        "party", "goal", "goal.withdraw", "commitment", "roadmap", "roadmap.milestone",
        "investment-area", "responsibility.claim", "responsibility.release", "barrier.report",
        "barrier.acknowledge", "barrier.assign", "barrier.resolve", "policy-lab.open",
        "policy-lab.close", "membership.join", "membership.leave",
        "revision", "emission.inventory", "gap.followup",
    ]

    /// Decodes the body of an event called `name` (one of ``names``).
    /// Throws `DecodingError.dataCorrupted` for an unknown name.
    public static func decode(name: String, from decoder: any Decoder) throws -> DomainEvent {
        let body = try decoder.singleValueContainer()
        switch name {
        case "party": return .partyRegistered(try body.decode(Party.self))
        case "goal": return .goalAsserted(try body.decode(Goal.self))
        case "goal.withdraw":
            let ref = try body.decode(EventBody.GoalRef.self)
            return .goalWithdrawn(goalID: ref.goal, party: ref.party)
        case "commitment": return .commitmentStated(try body.decode(Commitment.self))
        case "roadmap": return .roadmapPublished(try body.decode(Roadmap.self))
        case "roadmap.milestone":
            let add = try body.decode(EventBody.MilestoneAdd.self)
            return .milestoneAdded(roadmapID: add.roadmap, milestone: add.milestone)
        case "investment-area": return .investmentAreaRaised(try body.decode(InvestmentArea.self))
        case "responsibility.claim": return .responsibilityClaimed(try body.decode(ResponsibilityClaim.self))
        case "responsibility.release": return .responsibilityReleased(try body.decode(ResponsibilityClaim.self))
        case "barrier.report": return .barrierReported(try body.decode(RegulatoryBarrier.self))
        case "barrier.acknowledge":
            let act = try body.decode(EventBody.BarrierAct.self)
            return .barrierAcknowledged(barrierID: act.barrier, by: act.by)
        case "barrier.assign":
            let assign = try body.decode(EventBody.BarrierAssign.self)
            return .barrierAssigned(barrierID: assign.barrier, agency: assign.agency)
        case "barrier.resolve":
            let act = try body.decode(EventBody.BarrierAct.self)
            return .barrierResolved(barrierID: act.barrier, by: act.by)
        case "policy-lab.open": return .policyLabOpened(try body.decode(PolicyLab.self))
        case "policy-lab.close": return .policyLabClosed(labID: try body.decode(EventBody.LabRef.self).lab)
        case "membership.join": return .membershipJoined(try body.decode(Membership.self))
        case "membership.leave": return .membershipLeft(try body.decode(Membership.self))
        case "revision": return .revisionClosed(try body.decode(Revision.self))
        case "emission.inventory": return .inventoryReported(try body.decode(EmissionInventory.self))
        case "gap.followup": return .gapFollowedUp(try body.decode(GapFollowUp.self))
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown event '\(name)'; expected one of \(names.joined(separator: ", "))"))
        }
    }

    /// Encodes the event's body (without its name) into `encoder`.
    public func encodeBody(to encoder: any Encoder) throws {
        var body = encoder.singleValueContainer()
        switch self {
        case .partyRegistered(let party): try body.encode(party)
        case .goalAsserted(let goal): try body.encode(goal)
        case .goalWithdrawn(let goalID, let party): try body.encode(EventBody.GoalRef(goal: goalID, party: party))
        case .commitmentStated(let commitment): try body.encode(commitment)
        case .roadmapPublished(let roadmap): try body.encode(roadmap)
        case .milestoneAdded(let roadmapID, let milestone):
            try body.encode(EventBody.MilestoneAdd(roadmap: roadmapID, milestone: milestone))
        case .investmentAreaRaised(let area): try body.encode(area)
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim): try body.encode(claim)
        case .barrierReported(let barrier): try body.encode(barrier)
        case .barrierAcknowledged(let barrierID, let by), .barrierResolved(let barrierID, let by):
            try body.encode(EventBody.BarrierAct(barrier: barrierID, by: by))
        case .barrierAssigned(let barrierID, let agency):
            try body.encode(EventBody.BarrierAssign(barrier: barrierID, agency: agency))
        case .policyLabOpened(let lab): try body.encode(lab)
        case .policyLabClosed(let labID): try body.encode(EventBody.LabRef(lab: labID))
        case .membershipJoined(let membership), .membershipLeft(let membership): try body.encode(membership)
        case .revisionClosed(let revision): try body.encode(revision)
        case .inventoryReported(let inventory): try body.encode(inventory)
        case .gapFollowedUp(let followUp): try body.encode(followUp)
        }
    }

    /// The party that asserts this event: the only party allowed to send it (the coordinator
    /// aside, see the protocol's authorization rules). `nil` for events with no single actor.
    public var actingParty: PartyID? {
        switch self {
        case .partyRegistered(let party): party.id
        case .goalAsserted(let goal): goal.party
        case .goalWithdrawn(_, let party): party
        case .commitmentStated(let commitment): commitment.party
        case .roadmapPublished(let roadmap): roadmap.owner
        case .milestoneAdded: nil
        case .investmentAreaRaised(let area): area.party
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim): claim.party
        case .barrierReported(let barrier): barrier.reportedBy.count == 1 ? barrier.reportedBy[0] : nil
        case .barrierAcknowledged(_, let by), .barrierResolved(_, let by): by
        case .barrierAssigned: nil
        case .policyLabOpened, .policyLabClosed: nil
        case .membershipJoined(let membership), .membershipLeft(let membership): membership.hub
        case .revisionClosed: nil
        case .inventoryReported(let inventory): inventory.reportedBy
        case .gapFollowedUp(let followUp): followUp.by
        }
    }
}
