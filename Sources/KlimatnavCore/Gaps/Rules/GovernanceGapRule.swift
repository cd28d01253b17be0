/// `governance-gap`: a party says an investment area (a system shift) needs action at another
/// level, and at that level no party has claimed responsibility for the topic, or several
/// parties have (unclear roles). Report section 4.5 (Göteborg's governance gap).
///
/// Subject: a topic. One gap per topic and needed level: `governance-gap:<topic>:<level>`.
public struct GovernanceGapRule: GapRule {
    public var kind: GapKind { .governanceGap }

    public init() {}

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.areasByTopic.keys.map(GapSubject.topic))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        switch event {
        case .investmentAreaRaised(let area):
            var topics: Set<GapSubject> = [.topic(area.topic)]
            if let old = before.state.investmentAreas[area.id] { topics.insert(.topic(old.topic)) }
            return topics
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim):
            return [.topic(claim.topic)]
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .topic(let topic) = subject else { return [] }
        let state = index.state
        let areas = index.areas(topic: topic)
        guard let first = areas.first else { return [] }
        let title = first.title.isEmpty ? String(topic.map { $0 == "-" ? " " : $0 }) : GapText.inSentence(first.title)
        // Levels some party (not itself at that level) says need action.
        var needing: [Level: [InvestmentArea]] = [:]
        for area in areas {
            let own = state.parties[area.party]?.level
            for level in Set(area.needsLevels) where level != own {
                needing[level, default: []].append(area)
            }
        }
        let claims = index.claims(topic: topic)
        return needing.keys.sorted().compactMap { level in
            let askers = needing[level]!
            let askerIDs = Array(Set(askers.map(\.party))).sorted()
            let claimants = Array(Set(claims.filter { $0.level == level }.map(\.party))).sorted()
            guard claimants.count != 1 else { return nil }
            let who = GapText.names(askerIDs, in: state)
            let says = askerIDs.count == 1 ? "says" : "say"
            let levelName = GapText.level(level)
            let tail = claimants.isEmpty
                ? "but no \(levelName) party has claimed responsibility."
                : "but \(GapText.names(claimants, in: state)) \(claimants.count == 2 ? "both" : "all") claim responsibility, so roles are unclear."
            var levels = Set(askerIDs.compactMap { state.parties[$0]?.level })
            levels.insert(level)
            let evidence = askers.sorted { $0.id < $1.id }.map { "investment-area:\($0.id) (\($0.party) needs \(levelName) action)" }
                + claims.filter { $0.level == level }.sorted { ($0.party, $0.source ?? "") < ($1.party, $1.source ?? "") }
                .map { "claim:\($0.party) claims \(topic) at \(GapText.level($0.level))" }
            return Gap(
                id: "governance-gap:\(topic):\(level.rawValue)", kind: kind,
                parties: Array(Set(askerIDs + claimants)).sorted(), levels: levels.sorted(), topic: topic,
                summary: "\(who) \(says) \(title) needs \(levelName) action, \(tail)",
                evidence: evidence)
        }
    }
}
