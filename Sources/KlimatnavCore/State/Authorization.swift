/// Who may say what: the one place the hub decides whether an authenticated party may send
/// an event. Documented in Protocols/ (the authorization table); tests cover every row.
public enum Authorization {
    /// Why an event is refused.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Checks that `sender` (the authenticated party) may send `event` given `state`.
    /// Returns `nil` when allowed, or the refusal naming the rule that was broken.
    public static func check(_ event: DomainEvent, from sender: Party, in state: WorldState) -> Refusal? {
        let me = sender.id
        let isCoordinator = sender.kind == .coordinator
        func own(_ party: PartyID, _ what: String) -> Refusal? {
            if party == me { return nil }
            if isCoordinator, state.parties[party]?.kind == .reference { return nil }
            return Refusal("'\(me)' may not \(what) for '\(party)': a party speaks only for itself")
        }
        func kinds(_ allowed: Set<PartyKind>, _ what: String) -> Refusal? {
            allowed.contains(sender.kind)
                ? nil
                : Refusal("a \(sender.kind.rawValue) may not \(what); only \(allowed.map(\.rawValue).sorted().joined(separator: ", ")) may")
        }
        if sender.kind == .reference {
            return Refusal("'\(me)' is a reference level and sends nothing itself; the coordinator states its goals")
        }
        switch event {
        case .partyRegistered(let party):
            // The party itself, or the coordinator for any party (kind and level are fixed
            // by the state: WorldState.apply refuses a change with wrong-party-kind).
            if party.id == me || isCoordinator { return nil }
            return Refusal("'\(me)' may not register party '\(party.id)': a party registers itself, or the coordinator does")
        case .goalAsserted(let goal):
            return own(goal.party, "assert a goal")
        case .goalWithdrawn(_, let party):
            return own(party, "withdraw a goal")
        case .commitmentStated(let commitment):
            // The coordinator states the contracts' common text (and the programme's joint
            // findings on it) as its own commitments.
            return kinds([.municipality, .coordinator], "state contract commitments") ?? own(commitment.party, "state a commitment")
        case .roadmapPublished(let roadmap):
            if let existing = state.roadmaps[roadmap.id], existing.owner != roadmap.owner {
                return Refusal("roadmap '\(roadmap.id)' belongs to '\(existing.owner)'; '\(me)' may not take it over")
            }
            return own(roadmap.owner, "maintain a roadmap")
        case .milestoneAdded(let roadmapID, _):
            guard let roadmap = state.roadmaps[roadmapID] else { return nil }  // the state reports the unknown roadmap
            return own(roadmap.owner, "add a milestone")
        case .investmentAreaRaised(let area):
            return own(area.party, "raise an investment area")
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim):
            if let refusal = own(claim.party, "claim responsibility") { return refusal }
            return claim.level == sender.level || isCoordinator
                ? nil
                : Refusal(
                    "'\(me)' acts at level \(sender.level.rawValue) and may not claim responsibility at level \(claim.level.rawValue)")
        case .barrierReported(let barrier):
            guard barrier.reportedBy == [me] else {
                return Refusal(
                    "a barrier report is one party's statement: 'reportedBy' must be exactly [\(me)], the sender, found \(barrier.reportedBy.map(\.rawValue)); name the parties the rule blocks in 'affects'"
                )
            }
            return nil
        case .barrierAcknowledged(_, let by):
            return kinds([.agency, .coordinator], "acknowledge a barrier") ?? own(by, "acknowledge a barrier")
        case .barrierAssigned(let barrierID, let agency):
            if let refusal = kinds([.agency], "take responsibility for a barrier") { return refusal }
            if let refusal = own(agency, "take responsibility for a barrier") { return refusal }
            if let holder = state.barriers[barrierID]?.responsibleAgency, holder != me {
                return Refusal("barrier '\(barrierID)' is already the responsibility of '\(holder)'")
            }
            return nil
        case .barrierResolved(let barrierID, let by):
            if let refusal = kinds([.agency, .coordinator], "resolve a barrier") ?? own(by, "resolve a barrier") {
                return refusal
            }
            if let holder = state.barriers[barrierID]?.responsibleAgency, holder != me, !isCoordinator {
                return Refusal("barrier '\(barrierID)' is the responsibility of '\(holder)'; only it or the coordinator may resolve it")
            }
            return nil
        case .policyLabOpened, .policyLabClosed:
            return kinds([.coordinator], "open or close a policy lab")
        case .membershipJoined(let membership), .membershipLeft(let membership):
            // A coordinator keeps its programme's member list (Klimatkontrakt 2030, EU Cities Mission).
            return kinds([.regionalHub, .coordinator], "manage hub membership") ?? own(membership.hub, "manage membership")
        case .revisionClosed:
            return kinds([.coordinator], "close a contract revision")
        case .inventoryReported(let inventory):
            return inventoryRefusal(inventory, from: sender, in: state)
        case .gapFollowedUp(let followUp):
            return followUpRefusal(followUp, from: sender, in: state)
        }
    }
}
