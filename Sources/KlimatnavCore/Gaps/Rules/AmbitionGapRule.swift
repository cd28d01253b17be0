/// `ambition-gap`: a geographic goal behind the levels above. Report section 4.1.
/// - An end goal (a cut of at least 90 %, or a net-zero / climate-positive word) for the same
///   scopes as a higher level's net-zero target (``ReferenceTarget``; scope 1-2 unless stated,
///   a goal with unstated scopes counts as matching) whose target year is later than it.
/// - An implied annual rate from the current year (or the goal's own annual rate) below the
///   configured bar (Carbon Law 7 %/yr by default); evidence compares it with all three
///   reference rates. A percent cut against an earlier base year (1990) is not turned into a
///   rate from the current year: the report warns the two cannot be compared without the
///   current emissions.
/// Goals of reference parties are not checked. A party's goals are judged together: a later
/// end goal is no gap when the same party has an adopted geographic goal for the same scope
/// group that reaches at least ``GapConfiguration/strongerGoalCutPercent`` by the reference
/// year (a stated or word cut dated by then, or an annual rate compounded to it): Lund's
/// near zero 2050 beside its -80 % by 2030, Järfälla's -100 % per inhabitant 2050 beside its
/// 10-15 %/yr, Uppsala's -110 % 2070 beside its near zero 2040.
///
/// Subject: a goal. One gap per goal: `ambition-gap:<goal>`.
public struct AmbitionGapRule: GapRule {
    public var configuration: GapConfiguration
    public var kind: GapKind { .ambitionGap }

    public init(configuration: GapConfiguration = GapConfiguration()) {
        self.configuration = configuration
    }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.goals.keys.map(GapSubject.goal))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        if case .partyRegistered(let party) = event, party.kind == .reference { return nil }
        guard let goalID = event.goalID else { return [] }
        let owners = event.goalOwners(before: before.state)
        if owners.contains(where: { before.referenceParties.contains($0) }) {
            return nil
        }
        // The owner's other goals are judged together with this one.
        var subjects: Set<GapSubject> = [.goal(goalID)]
        for owner in owners {
            for id in before.goalsByParty[owner] ?? [] { subjects.insert(.goal(id)) }
        }
        return subjects
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .goal(let id) = subject, let goal = index.state.goals[id],
            let party = index.state.parties[goal.party], party.kind != .reference,
            goal.orientation == .geographic
        else { return [] }
        let state = index.state
        let reading = GoalNormalizer(configuration: configuration).reading(of: goal)
        var clauses: [String] = []
        var evidence = ["goal:\(id)"]
        var levels: Set<Level> = [party.level]
        var parties: Set<PartyID> = [party.id]

        if reading.isEndGoal, goal.interimOf == nil, let year = goal.targetYear {
            let scopes = Set(goal.scopes ?? [])
            let behind = index.referenceTargets(configuration).filter {
                $0.level.rank > party.level.rank && $0.year < year && (scopes.isEmpty || scopes.isSubset(of: $0.scopes))
                    && strongerGoal(than: goal, by: $0.year, in: index) == nil
            }
            if !behind.isEmpty {
                clauses.append("aims at \(year), later than " + GapText.list(behind.map { $0.phrase(in: state) }))
                for target in behind {
                    evidence.append("target year \(year) > \(target.evidence)")
                    levels.insert(target.level)
                    if let owner = target.party { parties.insert(owner) }
                }
            }
        }
        let bar = configuration.ambitionBarRatePercent
        // A cut against an earlier base year (1990) cannot be turned into a rate from now
        // without the emissions of now (report 4.1, under figure 4.1.1): only stated rates,
        // and cuts with no earlier base year (goal words, as the report reads "fossil-free
        // 2030" from now), are compared with the bar. A goal behind a stronger goal of the same
        // party is judged with it.
        let comparableRate = goal.annualRatePercent != nil || (goal.baseYear ?? Int.max) >= configuration.currentYear
        if comparableRate, let rate = reading.rateFromCurrentYear, rate < bar,
            (goal.targetYear ?? Int.max) > configuration.currentYear || goal.annualRatePercent != nil,
            goal.targetYear.map({ strongerGoal(than: goal, by: $0, in: index) == nil }) ?? true
        {
            let how =
                goal.annualRatePercent != nil
                ? "sets \(GapText.percent(rate, decimals: 1)) %/yr"
                : "implies \(GapText.percent(rate, decimals: 1)) %/yr from \(configuration.currentYear)"
            clauses.append("\(how), below the \(barName) bar of \(GapText.percent(bar)) %/yr")
            evidence.append(
                "rate from \(goal.annualRatePercent != nil ? (goal.rateFromYear.map(String.init) ?? "stated") : String(configuration.currentYear)): "
                    + configuration.rateComparison(rate))
            if let fromBase = reading.rateFromBaseYear, let base = goal.baseYear {
                evidence.append("rate from base year \(base): \(GapText.percent(fromBase)) %/yr")
            }
            if goal.basis == .perCapita { evidence.append("per-capita basis: weaker than an absolute cut") }
        }
        guard !clauses.isEmpty else { return [] }
        return [
            Gap(
                id: "ambition-gap:\(id)", kind: kind, parties: parties.sorted(), levels: levels.sorted(), topic: id,
                summary: "\(GapText.possessive(party.englishName)) goal '\(GapText.goal(goal))' \(clauses.joined(separator: ", and ")).",
                evidence: evidence)
        ]
    }

    /// Another adopted geographic goal of the same party and scope group that reaches at least
    /// the configured cut by `year`, if there is one.
    func strongerGoal(than goal: Goal, by year: Int, in index: GapIndex) -> Goal? {
        let normalizer = GoalNormalizer(configuration: configuration)
        let group = GoalNormalizer.scopeGroup(of: goal)
        let bar = configuration.strongerGoalCutPercent / 100
        return index.goals(of: goal.party).first { other in
            guard other.id != goal.id, other.status == .adopted, other.orientation == .geographic,
                GoalNormalizer.scopeGroup(of: other) == group
            else { return false }
            if let rate = other.annualRatePercent {
                let from = other.rateFromYear ?? configuration.currentYear
                let until = min(other.targetYear ?? year, year)
                return GoalNormalizer.cut(ofAnnualRate: rate / 100, years: until - from) >= bar
            }
            guard let target = other.targetYear, target <= year,
                let cut = normalizer.reading(of: other).cutPercent
            else { return false }
            return cut / 100 >= bar
        }
    }

    private var barName: String {
        switch configuration.ambitionBar {
        case .carbonLaw: "Carbon Law"
        case .fairShareLow, .fairShareHigh: "fair-share"
        case .klimatkollen: "Klimatkollen"
        }
    }
}
