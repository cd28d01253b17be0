/// `governance-gap`: a party says an investment area (a system shift) needs action at another
/// level, and at that level no party has claimed responsibility for the topic, or several
/// parties have with nobody coordinating them (unclear roles). Report section 4.5 (Göteborg's
/// governance gap).
/// - A level where no party is modelled (only a reference level, or nobody) gets no gap: no
///   one there could have claimed, so the absence would be the model's, not the report's.
/// - Several claimants with the programme coordinator among them are a coordinated joint
///   commitment (the contracts' national financing platform), not unclear roles.
/// - The coordinator may name a need at its own level (it cannot legislate: the framework law
///   the report proposes); other parties name needs at other levels only.
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
        case .partyRegistered(let party):
            // The first party at a level makes that level's gaps possible; a new coordinator
            // may coordinate claims anywhere.
            if party.kind == .coordinator || (party.kind != .reference && !before.isModelled(party.level)) { return nil }
            return []
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
        let title = first.englishTitle.isEmpty ? String(topic.map { $0 == "-" ? " " : $0 }) : GapText.inSentence(first.englishTitle)
        // Levels some party (not itself at that level) says need action.
        var needing: [Level: [InvestmentArea]] = [:]
        for area in areas {
            let asker = state.parties[area.party]
            let own = asker?.kind == .coordinator ? nil : asker?.level
            for level in Set(area.needsLevels) where level != own && index.isModelled(level) {
                needing[level, default: []].append(area)
            }
        }
        let claims = index.claims(topic: topic)
        return needing.keys.sorted().compactMap { level in
            let askers = needing[level]!
            let askerIDs = Array(Set(askers.map(\.party))).sorted()
            let claimants = Array(Set(claims.filter { $0.level == level }.map(\.party))).sorted()
            guard claimants.count != 1 else { return nil }
            if claimants.contains(where: { state.parties[$0]?.kind == .coordinator }) { return nil }
            let who = GapText.names(askerIDs, in: state)
            let says = askerIDs.count == 1 ? "says" : "say"
            let levelName = GapText.level(level)
            let tail =
                claimants.isEmpty
                ? "but no \(levelName) party has claimed responsibility."
                : "but \(GapText.names(claimants, in: state)) \(claimants.count == 2 ? "both" : "all") claim responsibility, so roles are unclear."
            var levels = Set(askerIDs.compactMap { state.parties[$0]?.level })
            levels.insert(level)
            let evidence =
                askers.sorted { $0.id < $1.id }.map { "investment-area:\($0.id) (\($0.party) needs \(levelName) action)" }
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
