extension GapIndex {
    /// Brings the index up to date with `event`, already applied to `after`; `before` is the
    /// state the event was applied to. Touches only the lookups the event changes.
    public mutating func update(applying event: DomainEvent, before: WorldState, after: WorldState) {
        setState(after)
        switch event {
        case .partyRegistered(let party):
            setReference(party.id, party.kind == .reference)
        case .goalAsserted(let goal):
            if let old = before.goals[goal.id] { indexGoal(old.id, party: old.party, add: false) }
            indexGoal(goal.id, party: goal.party, add: true)
        case .goalWithdrawn(let goalID, _):
            if let old = before.goals[goalID] { indexGoal(old.id, party: old.party, add: false) }
        case .commitmentStated, .milestoneAdded, .barrierAcknowledged, .barrierAssigned,
            .barrierResolved, .policyLabClosed, .revisionClosed:
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
