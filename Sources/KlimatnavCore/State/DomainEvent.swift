/// A change to the shared state: what a party's message asserts. Every wire message that
/// carries domain content decodes to one of these; the hub applies it to ``WorldState``.
///
/// `indirect`: each payload lives in one shared box, so an event passed from the decoder
/// through the ledger, the state and the outcomes is copied as a reference, not as the
/// few hundred bytes of a `Goal` with a retain for each of its strings.
public indirect enum DomainEvent: Hashable, Sendable {
    case partyRegistered(Party)
    case goalAsserted(Goal)
    case goalWithdrawn(goalID: String, party: PartyID)
    case commitmentStated(Commitment)
    case roadmapPublished(Roadmap)
    case milestoneAdded(roadmapID: String, milestone: Milestone)
    case investmentAreaRaised(InvestmentArea)
    case responsibilityClaimed(ResponsibilityClaim)
    case responsibilityReleased(ResponsibilityClaim)
    case barrierReported(RegulatoryBarrier)
    case barrierAcknowledged(barrierID: String, by: PartyID)
    case barrierAssigned(barrierID: String, agency: PartyID)
    case barrierResolved(barrierID: String, by: PartyID)
    case policyLabOpened(PolicyLab)
    case policyLabClosed(labID: String)
    case membershipJoined(Membership)
    case membershipLeft(Membership)
    /// The coordinator closes a yearly contract revision (`"2021"`); changes no gap.
    case revisionClosed(Revision)
    /// An emission inventory of one party and year (`emission.inventory`).
    case inventoryReported(EmissionInventory)
    /// A follow-up step on a gap (`gap.followup`): acknowledge, assign, comment, dismiss, undismiss.
    case gapFollowedUp(GapFollowUp)

    /// A short name for logs and the wire (`goal`, `barrier.report`, ...).
    public var name: String {
        switch self {
        case .partyRegistered: "party"
        case .goalAsserted: "goal"
        case .goalWithdrawn: "goal.withdraw"
        case .commitmentStated: "commitment"
        case .roadmapPublished: "roadmap"
        case .milestoneAdded: "roadmap.milestone"
        case .investmentAreaRaised: "investment-area"
        case .responsibilityClaimed: "responsibility.claim"
        case .responsibilityReleased: "responsibility.release"
        case .barrierReported: "barrier.report"
        case .barrierAcknowledged: "barrier.acknowledge"
        case .barrierAssigned: "barrier.assign"
        case .barrierResolved: "barrier.resolve"
        case .policyLabOpened: "policy-lab.open"
        case .policyLabClosed: "policy-lab.close"
        case .membershipJoined: "membership.join"
        case .membershipLeft: "membership.leave"
        case .revisionClosed: "revision"
        case .inventoryReported: "emission.inventory"
        case .gapFollowedUp: "gap.followup"
        }
    }
}
