import Foundation
import KlimatnavCore
import Yams

/// The timeline: entries in date order, each a message whose body is checked against what is
/// known at that point (parties, goals, roadmaps, barriers and labs defined so far).
extension LoadSession {
    static let entryKeys = ["at", "from", "message", "body"]

    func readTimeline(_ node: Node, asOf: Date?) -> [TimelineEntry] {
        guard let nodes = reader.sequence(node, "timeline") else { return [] }
        var entries: [TimelineEntry] = []
        var previous: (date: Date, mark: Mark?)?
        for element in nodes {
            let before = reader.errorCount
            guard let r = YAMLRecord(element, "timeline entry", keys: Self.entryKeys, reader: reader) else { continue }
            let atNode = r.required("at")
            let at = atNode.flatMap { reader.date($0, "at") }
            if let at, let atNode {
                if let asOf, at < asOf {
                    reader.error(
                        .timelineOrder, at: atNode.mark,
                        "expected a date on or after asOf \(PlaybookDate.format(asOf)), found \(PlaybookDate.format(at))")
                } else if let previous, at < previous.date {
                    reader.error(
                        .timelineOrder, at: atNode.mark,
                        "expected timeline entries in date order (on or after \(PlaybookDate.format(previous.date)) of line \(previous.mark?.line ?? 0)), found \(PlaybookDate.format(at))"
                    )
                }
                previous = (max(at, previous?.date ?? at), atNode.mark)
            }
            let fromNode = r.required("from")
            let from = fromNode.flatMap { partyRef($0, "from") }
            let name = r.required("message").flatMap { node -> String? in
                guard let name = reader.text(node, "message") else { return nil }
                guard DomainEvent.names.contains(name) else {
                    reader.error(
                        .unknownMessage, at: node.mark,
                        "expected a message name (\(YAMLReader.list(DomainEvent.names))), found '\(name)'"
                            + YAMLReader.hint(name, DomainEvent.names))
                    return nil
                }
                return name
            }
            let bodyNode = r.required("body")
            var event: DomainEvent?
            if let name, let bodyNode { event = readBody(name, bodyNode) }
            if let event, let from, let fromNode { checkSender(event, from, fromNode, bodyNode) }
            guard reader.errorCount == before, let at, let from, let event else { continue }
            learn(event)
            if let mark = element.mark { marks[.timeline(entries.count)] = mark }
            entries.append(TimelineEntry(at: at, from: from, event: event))
        }
        return entries
    }

    // MARK: Bodies

    private func record(_ node: Node, _ name: String, _ keys: [String]) -> YAMLRecord? {
        YAMLRecord(node, "the body of '\(name)'", keys: keys, reader: reader)
    }

    private func barrierRef(_ r: YAMLRecord) -> String? {
        r.required("barrier").flatMap {
            reference($0, "barrier", "barrier", known: barrierIDs, where: "under 'barriers' or earlier in the timeline")
        }
    }

    func readBody(_ name: String, _ node: Node) -> DomainEvent? {
        clean {
            switch name {
            case "party":
                return readParty(node).map { .partyRegistered(register($0)) }
            case "goal":
                guard let goal = readGoal(node) else { return nil }
                if let owner = goalOwners[goal.id], owner != goal.party {
                    reader.error(
                        .duplicateID, at: node.mark,
                        "expected a goal id not used by another party, found '\(goal.id)', a goal of '\(owner)'")
                }
                return .goalAsserted(goal)
            case "goal.withdraw":
                guard let r = record(node, name, ["goal", "party"]) else { return nil }
                let goal = r.required("goal").flatMap {
                    reference($0, "goal", "goal", known: knownGoalIDs, where: "under 'goals' or earlier in the timeline")
                }
                let party = r.required("party").flatMap { partyRef($0, "party") }
                guard let goal, let party else { return nil }
                if let owner = goalOwners[goal], owner != party {
                    reader.error(
                        .invalidValue, at: node.mark,
                        "expected the party that owns goal '\(goal)' ('\(owner)') for 'party', found '\(party)'")
                    return nil
                }
                return .goalWithdrawn(goalID: goal, party: party)
            case "commitment":
                return readCommitment(node).map { .commitmentStated($0) }
            case "roadmap":
                guard let roadmap = readRoadmap(node) else { return nil }
                if let owner = roadmapOwners[roadmap.id], owner != roadmap.owner {
                    reader.error(
                        .duplicateID, at: node.mark,
                        "expected a roadmap id not used by another owner, found '\(roadmap.id)', a roadmap of '\(owner)'")
                }
                return .roadmapPublished(roadmap)
            case "roadmap.milestone":
                guard let r = record(node, name, ["roadmap", "milestone"]) else { return nil }
                let roadmap = r.required("roadmap").flatMap {
                    reference($0, "roadmap", "roadmap", known: knownRoadmapIDs, where: "under 'roadmaps' or earlier in the timeline")
                }
                let milestone = r.required("milestone").flatMap(readMilestone)
                guard let roadmap, let milestone else { return nil }
                return .milestoneAdded(roadmapID: roadmap, milestone: milestone)
            case "investment-area":
                return readInvestmentArea(node).map { .investmentAreaRaised($0) }
            case "responsibility.claim":
                return readClaim(node).map { .responsibilityClaimed($0) }
            case "responsibility.release":
                return readClaim(node).map { .responsibilityReleased($0) }
            case "barrier.report":
                return readBarrier(node).map { .barrierReported($0) }
            case "barrier.acknowledge", "barrier.resolve":
                guard let r = record(node, name, ["barrier", "by"]) else { return nil }
                let barrier = barrierRef(r)
                let by = r.required("by").flatMap { partyRef($0, "by") }
                guard let barrier, let by else { return nil }
                return name == "barrier.resolve"
                    ? .barrierResolved(barrierID: barrier, by: by) : .barrierAcknowledged(barrierID: barrier, by: by)
            case "barrier.assign":
                guard let r = record(node, name, ["barrier", "agency"]) else { return nil }
                let barrier = barrierRef(r)
                let agency = r.required("agency").flatMap { partyRef($0, "agency") }
                guard let barrier, let agency else { return nil }
                return .barrierAssigned(barrierID: barrier, agency: agency)
            case "policy-lab.open":
                guard let lab = readPolicyLab(node) else { return nil }
                if labIDs.contains(lab.id) {
                    reader.error(.duplicateID, at: node.mark, "expected a new policy lab id, found '\(lab.id)', already opened")
                    return nil
                }
                return .policyLabOpened(lab)
            case "policy-lab.close":
                guard let r = record(node, name, ["lab"]) else { return nil }
                let lab = r.required("lab").flatMap {
                    reference($0, "lab", "policy lab", known: labIDs, where: "under 'policyLabs' or earlier in the timeline")
                }
                return lab.map { .policyLabClosed(labID: $0) }
            case "membership.join":
                return readMembership(node).map { .membershipJoined($0) }
            case "membership.leave":
                return readMembership(node).map { .membershipLeft($0) }
            case "revision":
                guard let r = record(node, name, ["id", "date", "title"]) else { return nil }
                let id = r.required("id").flatMap { node -> String? in
                    guard let text = reader.text(node, "id") else { return nil }
                    guard Revision.isValidID(text) else {
                        reader.error(
                            .invalidValue, at: node.mark,
                            "expected a revision id (1-32 ASCII letters, digits, '.', '_', '-', such as 2021), found '\(text)'")
                        return nil
                    }
                    return text
                }
                let date = r.required("date").flatMap { reader.date($0, "date") }
                let title = r.optional("title").flatMap { reader.bilingual($0, "title") }
                guard let id, let date else { return nil }
                return .revisionClosed(
                    Revision(id: id, date: String(PlaybookDate.format(date).prefix(10)), title: title?.sv, titleEn: title?.en))
            case "emission.inventory":
                return readInventory(node).map { .inventoryReported($0) }
            case "gap.followup":
                return readFollowUp(node).map { .gapFollowedUp($0) }
            default:
                return nil
            }
        }
    }

    // MARK: Who may send what

    private func isCoordinator(_ id: PartyID) -> Bool { parties[id]?.kind == .coordinator }

    /// `from` must be the body's acting party; for bodies without one: a reporter (barrier
    /// report), the roadmap's owner or the coordinator (milestone), the agency or the
    /// coordinator (barrier assignment), the coordinator (policy labs).
    func checkSender(_ event: DomainEvent, _ from: PartyID, _ fromNode: Node, _ bodyNode: Node?) {
        let name = event.name
        func wrong(_ expected: String) {
            reader.error(.wrongSender, at: fromNode.mark, "expected 'from' to be \(expected), found '\(from)'")
        }
        if let acting = event.actingParty {
            if acting != from { wrong("'\(acting)', the party that asserts this '\(name)' message") }
            return
        }
        switch event {
        case .barrierReported(let barrier):
            // The hub's rule (Authorization): a report is one party's statement.
            if barrier.reportedBy != [from] {
                reader.error(
                    .wrongSender, at: (bodyNode ?? fromNode).mark,
                    "expected 'reportedBy' to be [\(from)], the sender, in a 'barrier.report' message, found [\(barrier.reportedBy.map(\.rawValue).joined(separator: ", "))]; name the parties the rule blocks in 'affects', or list several reporters under 'barriers' (each sends its own report)"
                )
            }
        case .milestoneAdded(let roadmapID, _):
            if let owner = roadmapOwners[roadmapID], owner != from, !isCoordinator(from) {
                wrong("'\(owner)', the owner of roadmap '\(roadmapID)', or the coordinator")
            }
        case .barrierAssigned(_, let agency):
            if agency != from, !isCoordinator(from) { wrong("'\(agency)', the assigned agency, or the coordinator") }
        case .policyLabOpened, .policyLabClosed:
            if !isCoordinator(from) { wrong("a party of kind 'coordinator' (only the coordinator opens and closes policy labs)") }
        case .revisionClosed:
            if !isCoordinator(from) { wrong("a party of kind 'coordinator' (only the coordinator closes contract revisions)") }
        default:
            break
        }
    }

    /// Records what an accepted timeline message makes known.
    func learn(_ event: DomainEvent) {
        switch event {
        case .goalAsserted(let goal):
            goalOwners[goal.id] = goal.party
            knownGoalIDs.insert(goal.id)
        case .goalWithdrawn(let goalID, _):
            goalOwners[goalID] = nil
            knownGoalIDs.remove(goalID)
        case .roadmapPublished(let roadmap):
            roadmapOwners[roadmap.id] = roadmap.owner
            knownRoadmapIDs.insert(roadmap.id)
        case .barrierReported(let barrier): barrierIDs.insert(barrier.id)
        case .policyLabOpened(let lab): labIDs.insert(lab.id)
        default: break
        }
    }

    // MARK: Backstop

    /// Applies the whole schedule to a ``WorldState`` and reports any message the hub would
    /// reject, at the fact or timeline entry it comes from.
    func checkAgainstState(_ playbook: Playbook) {
        var state = WorldState()
        for (message, origin) in playbook.scheduleWithOrigins() {
            do throws(StateError) {
                try state.apply(message.event)
            } catch {
                reader.error(
                    .rejected, at: marks[origin],
                    "expected a '\(message.event.name)' message the hub accepts, found one it rejects: \(error.message)")
            }
        }
    }
}
