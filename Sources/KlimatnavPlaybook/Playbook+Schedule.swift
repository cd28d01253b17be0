import Foundation
import KlimatnavCore

/// Where a scheduled message comes from: a fact (section and index) or a timeline entry.
enum ScheduleOrigin: Hashable, Sendable {
    case party(Int), membership(Int), goal(Int), commitment(Int), roadmap(Int)
    case investmentArea(Int), claim(Int), barrier(Int), policyLab(Int), timeline(Int)
}

extension Playbook {
    /// The messages the party nodes send, in order.
    ///
    /// First the facts, all at ``asOf``: each party registers itself (`party`, roster order);
    /// memberships (sent by the hub); goals (by their party; an interim goal right after its
    /// parent is known); commitments; roadmaps (by their owner; parents before children);
    /// investment areas; claims; barriers (one `barrier.report` per reporting party, whose body
    /// names only that reporter); policy labs (sent by the ``coordinator``). Within a section,
    /// file order. Then the timeline, in its (date) order.
    public func schedule() -> [ScheduledMessage] {
        scheduleWithOrigins().map(\.message)
    }

    /// The state after the facts (everything at ``asOf``, no timeline): what the gap engine
    /// starts from.
    public func initialState() throws(StateError) -> WorldState {
        var state = WorldState()
        for (message, origin) in scheduleWithOrigins() {
            if case .timeline = origin { break }
            try state.apply(message.event)
        }
        return state
    }

    /// The state after the whole schedule, or after the messages dated up to `date`.
    public func state(through date: Date? = nil) throws(StateError) -> WorldState {
        var state = WorldState()
        for message in schedule() {
            if let date, message.at > date { break }
            try state.apply(message.event)
        }
        return state
    }

    func scheduleWithOrigins() -> [(message: ScheduledMessage, origin: ScheduleOrigin)] {
        var out: [(message: ScheduledMessage, origin: ScheduleOrigin)] = []
        out.reserveCapacity(parties.count + goals.count + commitments.count + barriers.count + timeline.count)
        func fact(_ from: PartyID, _ event: DomainEvent, _ origin: ScheduleOrigin) {
            out.append((ScheduledMessage(at: asOf, from: from, event: event), origin))
        }
        for (i, party) in parties.enumerated() { fact(party.id, .partyRegistered(party), .party(i)) }
        for (i, membership) in memberships.enumerated() { fact(membership.hub, .membershipJoined(membership), .membership(i)) }
        for i in Self.parentsFirst(goals.map { ($0.id, $0.interimOf) }).order {
            fact(goals[i].party, .goalAsserted(goals[i]), .goal(i))
        }
        for (i, commitment) in commitments.enumerated() { fact(commitment.party, .commitmentStated(commitment), .commitment(i)) }
        for i in Self.parentsFirst(roadmaps.map { ($0.id, $0.parent) }).order {
            fact(roadmaps[i].owner, .roadmapPublished(roadmaps[i]), .roadmap(i))
        }
        for (i, area) in investmentAreas.enumerated() { fact(area.party, .investmentAreaRaised(area), .investmentArea(i)) }
        for (i, claim) in claims.enumerated() { fact(claim.party, .responsibilityClaimed(claim), .claim(i)) }
        for (i, barrier) in barriers.enumerated() {
            for reporter in barrier.reportedBy {
                var report = barrier
                report.reportedBy = [reporter]
                fact(reporter, .barrierReported(report), .barrier(i))
            }
        }
        let coordinator = self.coordinator
        for (i, lab) in policyLabs.enumerated() {
            guard let from = coordinator ?? lab.parties.first else { continue }
            fact(from, .policyLabOpened(lab), .policyLab(i))
        }
        for (i, entry) in timeline.enumerated() {
            out.append((ScheduledMessage(at: entry.at, from: entry.from, event: entry.event), .timeline(i)))
        }
        return out
    }

    /// A stable order of `items` (id, parent id) with every parent before its children and
    /// file order otherwise; `cycles` lists items whose parent chain loops back to them.
    static func parentsFirst(_ items: [(id: String, parent: String?)]) -> (order: [Int], cycles: [Int]) {
        var index: [String: Int] = [:]
        for (i, item) in items.enumerated() where index[item.id] == nil { index[item.id] = i }
        enum Mark { case none, visiting, placed }
        var marks = Array(repeating: Mark.none, count: items.count)
        var order: [Int] = []
        order.reserveCapacity(items.count)
        var cycles: [Int] = []
        for start in items.indices where marks[start] == .none {
            // Walk up the parent chain iteratively (chains may be long in generated playbooks).
            var chain: [Int] = []
            var current: Int? = start
            while let i = current, marks[i] == .none {
                marks[i] = .visiting
                chain.append(i)
                current = items[i].parent.flatMap { index[$0] }
                if let next = current, marks[next] == .visiting { cycles.append(next); break }
            }
            for i in chain.reversed() {
                marks[i] = .placed
                order.append(i)
            }
        }
        return (order, cycles)
    }
}
