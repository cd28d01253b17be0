/// `roadmap-misalignment`: a party depends on a roadmap that aims later than it does.
/// Report sections 4.4-4.5 (synchronise local plans with the national sector roadmaps, which
/// several municipalities signed). Running ahead of a higher level is leadership, not
/// misalignment, so only "later" counts.
///
/// Subject: a roadmap with a target year. Gaps:
/// - `roadmap-misalignment:<roadmap>:<party>`: a signatory at another level whose goal for the
///   roadmap's sector (or, with no sector goal, its general goal, which covers every sector)
///   aims at an earlier year than the roadmap it signed: the party depends on a roadmap that
///   arrives too late for its own goal. The party's earliest such goal is compared, preferring
///   goals with the roadmap's goal word.
/// - `roadmap-misalignment:<roadmap>:parent`: the roadmap aims later than the roadmap it builds
///   on (it lags the level above). A roadmap ahead of its parent (LFM2030's 2030 against the
///   national 2045) is not a gap.
/// - `roadmap-misalignment:<roadmap>:reference:<level>`: the roadmap aims later than the
///   national or EU net-zero target (``ReferenceTarget``) at or above its level, unless it
///   aims beyond net zero (climate-positive) and its owner has an end goal (a cut of at least
///   the configured end-goal share, or net zero) by the reference year.
public struct RoadmapMisalignmentRule: GapRule {
    public var configuration: GapConfiguration
    public var kind: GapKind { .roadmapMisalignment }

    public init(configuration: GapConfiguration = GapConfiguration()) {
        self.configuration = configuration
    }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.roadmaps.keys.map(GapSubject.roadmap))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        switch event {
        case .partyRegistered(let party) where party.kind == .reference:
            return nil
        case .roadmapPublished(let roadmap):
            // Publishing a roadmap changes only its own parent link, so its children are the
            // same before and after (up to itself, which is included anyway).
            let children = before.roadmapsByParent[roadmap.id] ?? []
            return Set([roadmap.id] + children).reduce(into: []) { $0.insert(.roadmap($1)) }
        case .goalAsserted, .goalWithdrawn:
            let owners = event.goalOwners(before: before.state)
            if owners.contains(where: { before.referenceParties.contains($0) }) { return nil }
            var subjects = Set<GapSubject>()
            for owner in owners {
                for id in before.roadmapsBySignatory[owner] ?? [] { subjects.insert(.roadmap(id)) }
                for id in before.roadmapsByOwner[owner] ?? [] { subjects.insert(.roadmap(id)) }
            }
            return subjects
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .roadmap(let id) = subject, let roadmap = index.state.roadmaps[id],
            let year = roadmap.targetYear
        else { return [] }
        var gaps = Set(roadmap.signatories).sorted().compactMap { signatoryGap(roadmap, year, $0, index) }
        if let parentID = roadmap.parent, let parent = index.state.roadmaps[parentID],
            let parentYear = parent.targetYear, parentYear < year
        {
            let summary =
                "The roadmap '\(roadmap.englishName)' aims at \(year), later than its parent roadmap '\(parent.englishName)' (\(parentYear))."
            gaps.append(
                Gap(
                    id: "roadmap-misalignment:\(id):parent", kind: kind,
                    parties: Array(Set([roadmap.owner, parent.owner])).sorted(),
                    levels: Array(Set([roadmap.level, parent.level])).sorted(), topic: id,
                    summary: summary,
                    evidence: ["roadmap:\(id) target \(year)", "roadmap:\(parentID) target \(parentYear)"]))
        }
        for target in index.referenceTargets(configuration)
        where target.level.rank >= roadmap.level.rank && target.year < year && !beyondNetZeroInTime(roadmap, by: target.year, index) {
            gaps.append(
                Gap(
                    id: "roadmap-misalignment:\(id):reference:\(target.level.rawValue)", kind: kind,
                    parties: Array(Set([roadmap.owner] + (target.party.map { [$0] } ?? []))).sorted(),
                    levels: Array(Set([roadmap.level, target.level])).sorted(), topic: id,
                    summary: "The roadmap '\(roadmap.englishName)' aims at \(year), later than \(target.phrase(in: index.state)).",
                    evidence: ["roadmap:\(id) target \(year)", target.evidence]))
        }
        return gaps
    }

    /// A climate-positive roadmap whose owner reaches an end goal by `year` aims beyond the
    /// reference, not behind it.
    private func beyondNetZeroInTime(_ roadmap: Roadmap, by year: Int, _ index: GapIndex) -> Bool {
        guard roadmap.word == .climatePositive else { return false }
        let normalizer = GoalNormalizer(configuration: configuration)
        return index.goals(of: roadmap.owner).contains { goal in
            (goal.targetYear ?? .max) <= year && normalizer.reading(of: goal).isEndGoal
        }
    }

    private func signatoryGap(_ roadmap: Roadmap, _ year: Int, _ party: PartyID, _ index: GapIndex) -> Gap? {
        let state = index.state
        guard let level = state.parties[party]?.level, level != roadmap.level else { return nil }
        let dated = index.goals(of: party).filter { $0.targetYear != nil && $0.interimOf == nil }
        var candidates = roadmap.sector.map { sector in dated.filter { $0.sector == sector } } ?? []
        if candidates.isEmpty { candidates = dated.filter { $0.sector == nil } }
        if let word = roadmap.word, candidates.contains(where: { $0.word == word }) {
            candidates = candidates.filter { $0.word == word }
        }
        guard let goal = candidates.min(by: { ($0.targetYear!, $0.id) < ($1.targetYear!, $1.id) }),
            let goalYear = goal.targetYear, goalYear < year
        else { return nil }
        let who = GapText.possessive(GapText.name(party, in: state))
        let sector = goal.sector.map { " for \($0)" } ?? ""
        let summary =
            "\(who) goal '\(GapText.goal(goal))'\(sector) aims at \(goalYear), but the roadmap '\(roadmap.englishName)' it signed aims only at \(year)."
        return Gap(
            id: "roadmap-misalignment:\(roadmap.id):\(party)", kind: kind,
            parties: Array(Set([party, roadmap.owner])).sorted(), levels: Array(Set([level, roadmap.level])).sorted(),
            topic: roadmap.id, summary: summary,
            evidence: [
                "goal:\(goal.id) target \(goalYear)", "roadmap:\(roadmap.id) target \(year)", "\(party) signed roadmap:\(roadmap.id)",
            ])
    }
}
