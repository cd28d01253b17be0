import Foundation

/// `delivery-gap`: a promise held against measured emissions (``GoalPace``,
/// ``TrajectoryMethod``).
/// - `delivery-gap:<goal>`: a goal comparable with territorial emissions whose required pace
///   from the latest official inventory exceeds the observed pace, or whose target year has
///   passed with the level not reached. Evidence: the figures, and which levels can act on the
///   sectors that dominate the party's emissions.
/// - `delivery-gap:<party>:sector-dependence`: one sector is at least
///   ``dominantShare`` of the party's latest inventory and the party has a comparable goal: the
///   goal depends on that sector's roadmap and on the instruments of the levels that decide it
///   (industry: EU emissions trading). A goal earlier than a roadmap of that sector
///   (`sector` = the sector's id) is named as a roadmap misalignment in the evidence.
///
/// Subjects: a goal; a party.
public struct DeliveryGapRule: GapRule {
    public var method: TrajectoryMethod
    /// The share above which one sector dominates (0.4).
    public var dominantShare: Double
    /// Sectors at least this share of the latest inventory are named with their levels (0.2).
    public var namedShare: Double
    public var kind: GapKind { .deliveryGap }

    public init(method: TrajectoryMethod = TrajectoryMethod(), dominantShare: Double = 0.4, namedShare: Double = 0.2) {
        self.method = method
        self.dominantShare = dominantShare
        self.namedShare = namedShare
    }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        var subjects = Set<GapSubject>()
        for party in index.state.inventories.keys {
            subjects.insert(.party(party))
            for goal in index.goals(of: party) { subjects.insert(.goal(goal.id)) }
        }
        return subjects
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        switch event {
        case .partyRegistered(let party): return [.party(party.id)]
        case .goalAsserted, .goalWithdrawn:
            var subjects = Set<GapSubject>()
            if let id = event.goalID { subjects.insert(.goal(id)) }
            for owner in event.goalOwners(before: before.state) { subjects.insert(.party(owner)) }
            return subjects
        case .inventoryReported(let inventory):
            guard !inventory.isOwn else { return [] }
            var subjects: Set<GapSubject> = [.party(inventory.party)]
            for goal in before.goals(of: inventory.party) { subjects.insert(.goal(goal.id)) }
            return subjects
        case .roadmapPublished(let roadmap):
            // A sector roadmap can change any party's sector dependence (rare).
            let old = before.state.roadmaps[roadmap.id]?.sector
            return [roadmap.sector, old].contains { $0.flatMap(EmissionSector.init(rawValue:)) != nil } ? nil : []
        case .milestoneAdded(let roadmapID, _):
            return before.state.roadmaps[roadmapID]?.sector.flatMap(EmissionSector.init(rawValue:)) == nil ? [] : nil
        default:
            return []
        }
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        switch subject {
        case .goal(let id):
            guard let goal = index.state.goals[id] else { return [] }
            return goalGap(goal, index).map { [$0] } ?? []
        case .party(let id):
            return dependenceGap(id, index).map { [$0] } ?? []
        default:
            return []
        }
    }

    private func goalGap(_ goal: Goal, _ index: GapIndex) -> Gap? {
        let state = index.state
        guard let party = state.parties[goal.party], party.kind != .reference,
            let pace = GoalPace.assess(goal, in: state, method: method), pace.isBehind,
            let latest = state.latestInventory(of: goal.party)
        else { return nil }
        let named = SectorShare.shares(of: latest).filter { $0.share >= namedShare }
        var levels = Set([party.level])
        for share in named { levels.formUnion(share.sector.actingLevels) }
        let what = GapText.goal(goal)
        let observed = pace.observedRatePercent.map(Self.rate) ?? "unknown"
        let summary: String
        if pace.isMissed, let target = pace.targetTonnes, let year = pace.targetYear {
            summary =
                "\(GapText.possessive(party.englishName)) goal '\(what)' aimed at \(Self.tonnes(target)) by \(year); "
                + "the \(pace.latestYear) inventory shows \(Self.tonnes(pace.latestTonnes)) (observed pace \(observed))."
        } else {
            let reached = pace.yearReached.map { "at that pace the goal is reached in \($0)" } ?? "at that pace it is never reached"
            summary =
                "\(GapText.possessive(party.englishName)) goal '\(what)' needs a pace of \(Self.rate(pace.requiredRatePercent ?? 0)) "
                + "from \(pace.latestYear), but the observed pace is \(observed); \(reached)."
        }
        var evidence = ["goal:\(goal.id)"]
        if let cut = pace.cutPercent, let base = pace.baseYear, let baseTonnes = pace.baseTonnes, let target = pace.targetTonnes {
            evidence.append(
                "level: -\(GapText.percent(cut, decimals: 0)) % against \(base) (\(Self.tonnes(baseTonnes))) = \(Self.tonnes(target)) by \(pace.targetYear.map(String.init) ?? "-")"
            )
        }
        evidence.append(
            "inventory:\(goal.party)/\(pace.latestYear) \(Self.tonnes(pace.latestTonnes)) reported by \(latest.reportedBy)\(latest.source.map { " (\($0))" } ?? "")"
        )
        if let trend = pace.trend {
            evidence.append(
                "observed \(Self.rate(trend.ratePercent)): least-squares slope of ln(emissions) over \(trend.firstYear)-\(trend.lastYear), \(trend.points) inventories"
            )
        }
        if let required = pace.requiredRatePercent {
            evidence.append("required \(Self.rate(required)) from \(pace.latestYear)\(pace.targetYear.map { " to \($0)" } ?? "")")
        }
        for share in named {
            evidence.append(
                "sector \(share.sector.rawValue) \(GapText.percent(share.share * 100, decimals: 0)) % of \(pace.latestYear): \(share.sector.instrument) (levels \(share.sector.actingLevels.map(GapText.level).joined(separator: ", ")))"
            )
        }
        return Gap(
            id: "delivery-gap:\(goal.id)", kind: kind, parties: [goal.party], levels: levels.sorted(), topic: "delivery",
            summary: summary, evidence: evidence)
    }

    private func dependenceGap(_ id: PartyID, _ index: GapIndex) -> Gap? {
        let state = index.state
        guard let party = state.parties[id], party.kind != .reference, let latest = state.latestInventory(of: id),
            let top = SectorShare.shares(of: latest).first, top.share >= dominantShare
        else { return nil }
        let goals = index.goals(of: id).filter { GoalPace.notComparableReason($0) == nil && $0.targetYear != nil }
        guard let earliest = goals.min(by: { ($0.targetYear!, $0.id) < ($1.targetYear!, $1.id) }) else { return nil }
        let roadmaps = state.roadmaps.values.filter { $0.sector == top.sector.rawValue }.sorted { $0.id < $1.id }
        var evidence = [
            "inventory:\(id)/\(latest.year) sector \(top.sector.rawValue) \(Self.tonnes(top.tonnes)) = \(GapText.percent(top.share * 100, decimals: 0)) % of \(Self.tonnes(latest.totalTonnes))",
            "decided by \(top.sector.instrument) (levels \(top.sector.actingLevels.map(GapText.level).joined(separator: ", ")))",
        ]
        evidence += goals.map { "goal:\($0.id) target year \($0.targetYear!)" }
        var misaligned: [String] = []
        for roadmap in roadmaps {
            guard let year = roadmap.targetYear else { continue }
            evidence.append("roadmap:\(roadmap.id) target year \(year)")
            if year > earliest.targetYear! { misaligned.append("\(roadmap.englishName) (\(year))") }
        }
        var summary =
            "\(top.sector.englishName) is \(GapText.percent(top.share * 100, decimals: 0)) % of \(GapText.possessive(party.englishName)) emissions (\(latest.year)): "
            + "its goal for \(earliest.targetYear!) depends on that sector and on \(top.sector.instrument)."
        if !misaligned.isEmpty {
            summary += " Roadmap misalignment: the goal is earlier than \(GapText.list(misaligned))."
        }
        let levels = Set([party.level] + top.sector.actingLevels)
        return Gap(
            id: "delivery-gap:\(id):sector-dependence", kind: kind, parties: [id], levels: levels.sorted(),
            topic: "sector-\(top.sector.rawValue)", summary: summary, evidence: evidence)
    }

    /// "-12.3 %/yr" for a falling pace of 12.3, "+2.1 %/yr" for a rising one.
    static func rate(_ percent: Double) -> String {
        percent >= 0 ? "-\(GapText.percent(percent, decimals: 1)) %/yr" : "+\(GapText.percent(-percent, decimals: 1)) %/yr"
    }

    /// "1 234 kt CO2e" or "56.7 kt CO2e".
    static func tonnes(_ value: Double) -> String {
        "\(GapText.percent(value / 1000, decimals: value >= 100_000 ? 0 : 1)) kt CO2e"
    }
}
