import KlimatnavCore

extension DomainEvent {
    /// The ids and topics in the event's body, by wire path: the strings gap ids are made
    /// of, limited to ``WireLimits/maxIdentifierBytes`` so that every gap id, and so every
    /// GAP, stays within the string limit (section 5.2).
    var identifiers: [(path: String, value: String)] {
        switch self {
        case .goalAsserted(let goal):
            [("body.id", goal.id)] + (goal.interimOf.map { [("body.interimOf", $0)] } ?? [])
        case .goalWithdrawn(let goalID, _): [("body.goal", goalID)]
        case .roadmapPublished(let roadmap):
            [("body.id", roadmap.id)] + (roadmap.parent.map { [("body.parent", $0)] } ?? [])
        case .milestoneAdded(let roadmapID, _): [("body.roadmap", roadmapID)]
        case .investmentAreaRaised(let area): [("body.id", area.id), ("body.topic", area.topic)]
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim): [("body.topic", claim.topic)]
        case .barrierReported(let barrier):
            [("body.id", barrier.id)] + barrier.affectedTopics.enumerated().map { ("body.affectedTopics[\($0)]", $1) }
        case .barrierAcknowledged(let barrierID, _), .barrierAssigned(let barrierID, _), .barrierResolved(let barrierID, _):
            [("body.barrier", barrierID)]
        case .policyLabOpened(let lab): [("body.id", lab.id), ("body.barrier", lab.barrier)]
        case .policyLabClosed(let labID): [("body.lab", labID)]
        case .partyRegistered, .commitmentStated, .membershipJoined, .membershipLeft, .revisionClosed, .inventoryReported,
            .gapFollowedUp:
            []
        }
    }
}
