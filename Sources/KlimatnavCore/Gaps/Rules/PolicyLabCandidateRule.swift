/// `policy-lab-candidate`: an unresolved regulatory barrier that only the national or EU level
/// can change, that blocks two or more parties (its reporters and the parties whose investment
/// areas it blocks; a coordinator that reports the report's own finding is not itself blocked)
/// or blocks some party's investment area, and has no open policy lab.
/// Report section 4.5 (policy labs / free zones for changed rules).
///
/// Subject: a barrier. Gap id: `policy-lab-candidate:<barrier>`.
public struct PolicyLabCandidateRule: GapRule {
    public var kind: GapKind { .policyLabCandidate }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.barriers.keys.map(GapSubject.barrier))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        switch event {
        case .barrierReported(let barrier): return [.barrier(barrier.id)]
        case .barrierAcknowledged(let id, _), .barrierAssigned(let id, _), .barrierResolved(let id, _):
            return [.barrier(id)]
        case .policyLabOpened(let lab):
            var subjects: Set<GapSubject> = [.barrier(lab.barrier)]
            if let old = before.state.policyLabs[lab.id] { subjects.insert(.barrier(old.barrier)) }
            return subjects
        case .policyLabClosed(let labID):
            // Closing changes only the status, not the barrier.
            return before.state.policyLabs[labID].map { [.barrier($0.barrier)] } ?? []
        case .investmentAreaRaised(let area):
            var topics = [area.topic]
            if let old = before.state.investmentAreas[area.id] { topics.append(old.topic) }
            return Set(topics.flatMap { before.barriersByTopic[$0] ?? [] }.map(GapSubject.barrier))
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        var topics = TopicCache()
        return gaps(for: subject, in: index, topics: &topics)
    }

    /// Every gap of the rule, with each topic's blocked areas worked out once (many barriers
    /// share a topic) rather than once per barrier.
    public func gaps(in index: GapIndex) -> [Gap] {
        var topics = TopicCache()
        return subjects(in: index).flatMap { gaps(for: $0, in: index, topics: &topics) }
    }

    /// What the rule needs about the investment areas of one topic, in area id order.
    struct BlockedTopic {
        var parties: [PartyID] = []
        var evidence: [String] = []
    }

    typealias TopicCache = [String: BlockedTopic]

    private func blockedTopic(_ topic: String, in index: GapIndex, cache: inout TopicCache) -> BlockedTopic {
        if let known = cache[topic] { return known }
        var result = BlockedTopic()
        for area in index.areas(topic: topic) {
            result.parties.append(area.party)
            result.evidence.append("investment-area:\(area.id) (\(area.party), \(area.topic)) blocked")
        }
        cache[topic] = result
        return result
    }

    private func gaps(for subject: GapSubject, in index: GapIndex, topics: inout TopicCache) -> [Gap] {
        guard case .barrier(let id) = subject, let barrier = index.state.barriers[id],
            barrier.status != .resolved, barrier.changeLevel == .national || barrier.changeLevel == .eu,
            index.openLabs(barrier: id).isEmpty
        else { return [] }
        let state = index.state
        let blockedTopics = Set(barrier.affectedTopics).sorted().map { blockedTopic($0, in: index, cache: &topics) }
        let blockedAreaCount = blockedTopics.reduce(0) { $0 + $1.evidence.count }
        // The coordinator reports the report's own findings; it is not blocked by them.
        var blockedSet = Set(barrier.blockedParties.filter { state.parties[$0]?.kind != .coordinator })
        for topic in blockedTopics { blockedSet.formUnion(topic.parties) }
        let blocked = blockedSet.sorted()
        guard blocked.count >= 2 || blockedAreaCount > 0 else { return [] }
        let levelName = GapText.level(barrier.changeLevel)
        let labs = index.labs(barrier: id)
        var evidence: [String] = []
        evidence.reserveCapacity(2 + barrier.reportedBy.count + blockedAreaCount + labs.count)
        evidence.append("barrier:\(id) (\(barrier.status.rawValue), change at \(levelName) level)")
        for reporter in barrier.reportedBy.sorted() { evidence.append("reported by \(reporter)") }
        if let affects = barrier.affects, affects != barrier.reportedBy {
            for party in affects.sorted() { evidence.append("blocks \(party)") }
        }
        for topic in blockedTopics { evidence += topic.evidence }
        for lab in labs { evidence.append("policy-lab:\(lab.id) \(lab.status.rawValue)") }
        if let instrument = barrier.englishInstrument { evidence.append("instrument: \(instrument)") }
        var levels = Set(blocked.compactMap { state.parties[$0]?.level })
        levels.insert(barrier.changeLevel)
        return [
            Gap(
                id: "policy-lab-candidate:\(id)", kind: kind, parties: blocked, levels: levels.sorted(), topic: id,
                summary: "The barrier '\(barrier.englishTitle)' blocks \(GapText.names(sorted: blocked, in: state)), "
                    + "can only be changed at \(levelName) level, and no policy lab is open for it.",
                evidence: evidence)
        ]
    }
}
