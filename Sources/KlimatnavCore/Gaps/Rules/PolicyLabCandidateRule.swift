/// `policy-lab-candidate`: an unresolved regulatory barrier that only the national or EU level
/// can change, that blocks two or more parties (its reporters and the parties whose investment
/// areas it blocks) or blocks some party's investment area, and has no open policy lab.
/// Report section 4.5 (policy labs / free zones for changed rules).
///
/// Subject: a barrier. Gap id: `policy-lab-candidate:<barrier>`.
public struct PolicyLabCandidateRule: GapRule {
    public var kind: GapKind { .policyLabCandidate }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.barriers.keys.map(GapSubject.barrier))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex, after: GapIndex) -> Set<GapSubject> {
        if event.changesKnownParty(before: before.state) { return allSubjects(before, after) }
        switch event {
        case .barrierReported(let barrier): return [.barrier(barrier.id)]
        case .barrierAcknowledged(let id, _), .barrierAssigned(let id, _), .barrierResolved(let id, _):
            return [.barrier(id)]
        case .policyLabOpened(let lab):
            var subjects: Set<GapSubject> = [.barrier(lab.barrier)]
            if let old = before.state.policyLabs[lab.id] { subjects.insert(.barrier(old.barrier)) }
            return subjects
        case .policyLabClosed(let labID):
            return after.state.policyLabs[labID].map { [.barrier($0.barrier)] } ?? []
        case .investmentAreaRaised(let area):
            var topics = [area.topic]
            if let old = before.state.investmentAreas[area.id] { topics.append(old.topic) }
            return Set(topics.flatMap { after.barriersByTopic[$0] ?? [] }.map(GapSubject.barrier))
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .barrier(let id) = subject, let barrier = index.state.barriers[id],
            barrier.status != .resolved, barrier.changeLevel == .national || barrier.changeLevel == .eu,
            index.openLabs(barrier: id).isEmpty
        else { return [] }
        let state = index.state
        let blockedAreas = Set(barrier.affectedTopics).sorted().flatMap { index.areas(topic: $0) }
        let blocked = Array(Set(barrier.reportedBy + blockedAreas.map(\.party))).sorted()
        guard blocked.count >= 2 || !blockedAreas.isEmpty else { return [] }
        let levelName = GapText.level(barrier.changeLevel)
        var evidence = ["barrier:\(id) (\(barrier.status.rawValue), change at \(levelName) level)"]
        evidence += barrier.reportedBy.sorted().map { "reported by \($0)" }
        evidence += blockedAreas.map { "investment-area:\($0.id) (\($0.party), \($0.topic)) blocked" }
        evidence += index.labs(barrier: id).map { "policy-lab:\($0.id) \($0.status.rawValue)" }
        if let instrument = barrier.instrument { evidence.append("instrument: \(instrument)") }
        var levels = Set(blocked.compactMap { state.parties[$0]?.level })
        levels.insert(barrier.changeLevel)
        return [
            Gap(
                id: "policy-lab-candidate:\(id)", kind: kind, parties: blocked, levels: levels.sorted(), topic: id,
                summary: "The barrier '\(barrier.title)' blocks \(GapText.names(blocked, in: state)), "
                    + "can only be changed at \(levelName) level, and no policy lab is open for it.",
                evidence: evidence)
        ]
    }
}
