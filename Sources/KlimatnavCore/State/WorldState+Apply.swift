extension WorldState {
    /// Applies one event. Throws, with the state unchanged, when the event refers to
    /// something unknown or carries an impossible value.
    public mutating func apply(_ event: DomainEvent) throws(StateError) {
        switch event {
        case .partyRegistered(let party):
            // A registered party's kind and level are fixed (they decide what it may send);
            // its name, region, population and platforms are its own to restate.
            if let known = parties[party.id], known.kind != party.kind || known.level != party.level {
                throw StateError(
                    .wrongPartyKind,
                    "party '\(party.id)' is registered as \(known.kind.rawValue) at level \(known.level.rawValue); "
                        + "a registration cannot change it to \(party.kind.rawValue) at level \(party.level.rawValue)")
            }
            parties[party.id] = party
        case .goalAsserted(let goal):
            try requireParty(goal.party)
            if let existing = goals[goal.id], existing.party != goal.party {
                throw StateError(.duplicateID, "goal id '\(goal.id)' is already a goal of '\(existing.party)'; choose another id")
            }
            try checkYears(goal)
            if let parent = goal.interimOf, goals[parent] == nil {
                throw StateError(.unknownGoal, "goal '\(goal.id)' is an interim target of unknown goal '\(parent)'")
            }
            goals[goal.id] = goal
        case .goalWithdrawn(let goalID, let party):
            guard let goal = goals[goalID], goal.party == party else {
                throw StateError(.unknownGoal, "party '\(party)' has no goal '\(goalID)'")
            }
            goals[goalID] = nil
        case .commitmentStated(let commitment):
            try requireParty(commitment.party)
            commitments[commitment.key] = commitment
        case .roadmapPublished(let roadmap):
            try requireParty(roadmap.owner)
            for signatory in roadmap.signatories { try requireParty(signatory) }
            if let parent = roadmap.parent, roadmaps[parent] == nil {
                throw StateError(.unknownRoadmap, "roadmap '\(roadmap.id)' names unknown parent roadmap '\(parent)'")
            }
            roadmaps[roadmap.id] = roadmap
        case .milestoneAdded(let roadmapID, let milestone):
            guard roadmaps[roadmapID] != nil else {
                throw StateError(.unknownRoadmap, "no roadmap '\(roadmapID)' to add a milestone to")
            }
            roadmaps[roadmapID]?.milestones.append(milestone)
        case .investmentAreaRaised(let area):
            try requireParty(area.party)
            if let existing = investmentAreas[area.id], existing.party != area.party {
                throw StateError(.duplicateID, "investment area id '\(area.id)' is already used by '\(existing.party)'; choose another id")
            }
            investmentAreas[area.id] = area
        case .responsibilityClaimed(let claim):
            try requireParty(claim.party)
            claims.insert(claim)
        case .responsibilityReleased(let claim):
            claims = claims.filter { !($0.party == claim.party && $0.topic == claim.topic) }
        case .barrierReported(let barrier):
            for party in barrier.reportedBy { try requireParty(party) }
            for party in barrier.affects ?? [] { try requireParty(party) }
            if let agency = barrier.responsibleAgency { try requireParty(agency) }
            if var existing = barriers[barrier.id] {
                // A second report of a known barrier adds its reporters, blocked parties and topics.
                if existing.affects != nil || barrier.affects != nil {
                    existing.affects = Array(Set(existing.blockedParties + barrier.blockedParties)).sorted()
                }
                existing.reportedBy = Array(Set(existing.reportedBy + barrier.reportedBy)).sorted()
                existing.affectedTopics = Array(Set(existing.affectedTopics + barrier.affectedTopics)).sorted()
                barriers[barrier.id] = existing
            } else {
                barriers[barrier.id] = barrier
            }
        case .barrierAcknowledged(let barrierID, let by):
            try requireParty(by)
            try updateBarrier(barrierID) { $0.status = max($0.status, .acknowledged) }
        case .barrierAssigned(let barrierID, let agency):
            try requireParty(agency)
            try updateBarrier(barrierID) {
                $0.responsibleAgency = agency
                $0.status = max($0.status, .assigned)
            }
        case .barrierResolved(let barrierID, let by):
            try requireParty(by)
            try updateBarrier(barrierID) { $0.status = .resolved }
        case .policyLabOpened(let lab):
            guard barriers[lab.barrier] != nil else {
                throw StateError(.unknownBarrier, "policy lab '\(lab.id)' names unknown barrier '\(lab.barrier)'")
            }
            for party in lab.parties { try requireParty(party) }
            policyLabs[lab.id] = lab
        case .policyLabClosed(let labID):
            guard policyLabs[labID] != nil else {
                throw StateError(.unknownPolicyLab, "no policy lab '\(labID)' to close")
            }
            policyLabs[labID]?.status = .closed
        case .membershipJoined(let membership):
            try requireParty(membership.hub)
            try requireParty(membership.member)
            memberships.insert(membership)
        case .membershipLeft(let membership):
            memberships.remove(membership)
        case .revisionClosed(let revision):
            guard Revision.isValidID(revision.id) else {
                throw StateError(.invalidValue, "revision id '\(revision.id)' is not 1-32 ASCII letters, digits, '.', '_' or '-'")
            }
            guard Revision.isValidDate(revision.date) else {
                throw StateError(.invalidValue, "revision '\(revision.id)' has date '\(revision.date)', expected YYYY-MM-DD")
            }
            // Closing a revision again (a playbook played twice) keeps the first closing.
            if revisions[revision.id] == nil { revisions[revision.id] = revision }
        case .inventoryReported(let inventory):
            try requireParty(inventory.party)
            try requireParty(inventory.reportedBy)
            if let problem = inventory.problem { throw StateError(.invalidValue, problem) }
            if inventory.isOwn {
                ownInventories[inventory.party, default: [:]][inventory.year] = inventory
            } else {
                inventories[inventory.party, default: [:]][inventory.year] = inventory
            }
        case .gapFollowedUp(let followUp):
            try applyFollowUp(followUp)
        }
    }

    func requireParty(_ id: PartyID) throws(StateError) {
        guard parties[id] != nil else {
            throw StateError(.unknownParty, "no party '\(id)' is registered")
        }
    }

    private func checkYears(_ goal: Goal) throws(StateError) {
        for (name, year) in [("targetYear", goal.targetYear), ("baseYear", goal.baseYear), ("rateFromYear", goal.rateFromYear)] {
            if let year, !(1900...2200).contains(year) {
                throw StateError(.invalidValue, "goal '\(goal.id)' has \(name) \(year), outside 1900-2200")
            }
        }
        if let base = goal.baseYear, let target = goal.targetYear, base >= target {
            throw StateError(.invalidValue, "goal '\(goal.id)' has base year \(base) not before target year \(target)")
        }
    }

    private mutating func updateBarrier(
        _ id: String, _ change: (inout RegulatoryBarrier) -> Void
    ) throws(StateError) {
        guard var barrier = barriers[id] else {
            throw StateError(.unknownBarrier, "no barrier '\(id)' is reported")
        }
        change(&barrier)
        barriers[id] = barrier
    }
}
