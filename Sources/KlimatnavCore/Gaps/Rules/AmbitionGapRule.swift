/// `ambition-gap`: a geographic goal behind the levels above. Report section 4.1.
/// - An end goal (a cut of at least 90 %, or a net-zero / climate-positive word) for the same
///   scopes as a higher level's net-zero target (``ReferenceTarget``; scope 1-2 unless stated,
///   a goal with unstated scopes counts as matching) whose target year is later than it.
/// - An implied annual rate from the current year (or the goal's own annual rate) below the
///   configured bar (Carbon Law 7 %/yr by default); evidence compares it with all three
///   reference rates.
/// Goals of reference parties are not checked.
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
        if event.goalOwners(before: before.state).contains(where: { before.referenceParties.contains($0) }) {
            return nil
        }
        return [.goal(goalID)]
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
        if let rate = reading.rateFromCurrentYear, rate < bar,
            (goal.targetYear ?? Int.max) > configuration.currentYear || goal.annualRatePercent != nil
        {
            let how = goal.annualRatePercent != nil ? "sets \(GapText.percent(rate, decimals: 1)) %/yr"
                : "implies \(GapText.percent(rate, decimals: 1)) %/yr from \(configuration.currentYear)"
            clauses.append("\(how), below the \(barName) bar of \(GapText.percent(bar)) %/yr")
            evidence.append("rate from \(goal.annualRatePercent != nil ? (goal.rateFromYear.map(String.init) ?? "stated") : String(configuration.currentYear)): "
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
                summary: "\(GapText.possessive(party.name)) goal '\(GapText.goal(goal))' \(clauses.joined(separator: ", and ")).",
                evidence: evidence)
        ]
    }

    private var barName: String {
        switch configuration.ambitionBar {
        case .carbonLaw: "Carbon Law"
        case .fairShareLow, .fairShareHigh: "fair-share"
        case .klimatkollen: "Klimatkollen"
        }
    }
}
