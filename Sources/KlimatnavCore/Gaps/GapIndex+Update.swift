extension GapIndex {
    /// Brings the index up to date with `event`, already applied to `after`; `before` is the
    /// state the event was applied to. Touches only the lookups the event changes.
    public mutating func update(applying event: DomainEvent, before: WorldState, after: WorldState) {
        setState(after)
        updateLookups(applying: event, before: before)
    }

    /// Applies `event` to the state in place and brings the lookups up to date, copying
    /// nothing but the few entries the event replaces. Throws, with nothing changed, when the
    /// state rejects the event.
    public mutating func apply(_ event: DomainEvent) throws(StateError) {
        let replaced = state.entries(replacedBy: event)
        try state.apply(event)
        updateLookups(applying: event, before: replaced)
    }

    /// The lookups' part of ``update(applying:before:after:)``: `self.state` is already the
    /// state after the event; `before` needs only the entries the event replaces
    /// (``WorldState/entries(replacedBy:)``).
    private mutating func updateLookups(applying event: DomainEvent, before: WorldState) {
        let after = state
        switch event {
        case .partyRegistered(let party):
            setReference(party.id, party.kind == .reference)
            if let old = before.parties[party.id] { indexParty(old, add: false) }
            indexParty(party, add: true)
        case .goalAsserted(let goal):
            if let old = before.goals[goal.id] {
                // A goal restated by its owner (the common case) keeps its place.
                guard old.party != goal.party else { break }
                indexGoal(old.id, party: old.party, add: false)
            }
            indexGoal(goal.id, party: goal.party, add: true)
        case .goalWithdrawn(let goalID, _):
            if let old = before.goals[goalID] { indexGoal(old.id, party: old.party, add: false) }
        case .commitmentStated, .milestoneAdded, .barrierAcknowledged, .barrierAssigned,
            .barrierResolved, .policyLabClosed, .revisionClosed, .inventoryReported, .gapFollowedUp:
            break
        case .roadmapPublished(let roadmap):
            if let old = before.roadmaps[roadmap.id] { indexRoadmap(old, add: false) }
            indexRoadmap(roadmap, add: true)
        case .investmentAreaRaised(let area):
            if let old = before.investmentAreas[area.id] { indexArea(old.id, topic: old.topic, add: false) }
            indexArea(area.id, topic: area.topic, add: true)
        case .responsibilityClaimed(let claim):
            indexInsert(claim, at: claim.topic, in: &claimsByTopic)
        case .responsibilityReleased(let claim):
            for old in claims(topic: claim.topic) where old.party == claim.party {
                indexRemove(old, at: claim.topic, in: &claimsByTopic)
            }
        case .barrierReported(let barrier):
            if let old = before.barriers[barrier.id] { unindexBarrier(old) }
            if let new = after.barriers[barrier.id] { indexBarrier(new) }
        case .policyLabOpened(let lab):
            if let old = before.policyLabs[lab.id] { indexRemove(old.id, at: old.barrier, in: &labsByBarrier) }
            indexInsert(lab.id, at: lab.barrier, in: &labsByBarrier)
        case .membershipJoined(let membership):
            indexMembership(membership, add: true)
        case .membershipLeft(let membership):
            indexMembership(membership, add: false)
        }
    }

    /// The index after `event`, applied to `before.state` giving `after`.
    public func updated(applying event: DomainEvent, after: WorldState) -> GapIndex {
        var copy = self
        copy.update(applying: event, before: state, after: after)
        return copy
    }
}

extension WorldState {
    /// A state holding only the entries of `self` that `event` replaces: all that
    /// ``GapIndex`` needs of the state before an event to update its lookups.
    func entries(replacedBy event: DomainEvent) -> WorldState {
        var old = WorldState()
        switch event {
        case .partyRegistered(let party): old.parties[party.id] = parties[party.id]
        case .goalAsserted(let goal): old.goals[goal.id] = goals[goal.id]
        case .goalWithdrawn(let goalID, _): old.goals[goalID] = goals[goalID]
        case .roadmapPublished(let roadmap): old.roadmaps[roadmap.id] = roadmaps[roadmap.id]
        case .investmentAreaRaised(let area): old.investmentAreas[area.id] = investmentAreas[area.id]
        case .barrierReported(let barrier): old.barriers[barrier.id] = barriers[barrier.id]
        case .policyLabOpened(let lab): old.policyLabs[lab.id] = policyLabs[lab.id]
        default: break
        }
        return old
    }
}
