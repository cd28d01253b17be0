/// The national picture a coordinator asks for at the annual follow-up: per county, how many
/// municipalities are on track; for the programme's municipalities, observed against required
/// pace. Computed from the shared state alone (official inventories, goals, memberships).
public struct NationalPicture: Hashable, Sendable {
    public var method: TrajectoryMethod
    /// The national reference goal every municipality is held against (Sweden's territorial
    /// goal: -85 % against 1990 by 2045), when the state has one.
    public var nationalGoal: Goal?
    public var counties: [CountyPicture]
    /// Municipalities with inventories that belong to no county.
    public var unassigned: [MunicipalityPicture]
    /// The members of each programme (a coordinator with members), municipalities only.
    public var programmes: [(programme: PartyID, municipalities: [MunicipalityPicture])]

    public static func == (lhs: NationalPicture, rhs: NationalPicture) -> Bool {
        lhs.method == rhs.method && lhs.nationalGoal == rhs.nationalGoal && lhs.counties == rhs.counties
            && lhs.unassigned == rhs.unassigned && lhs.programmes.map(\.programme) == rhs.programmes.map(\.programme)
            && lhs.programmes.map(\.municipalities) == rhs.programmes.map(\.municipalities)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(counties)
        hasher.combine(nationalGoal)
    }

    public var municipalities: [MunicipalityPicture] { counties.flatMap(\.municipalities) + unassigned }

    public init(state: WorldState, method: TrajectoryMethod = TrajectoryMethod()) {
        self.method = method
        let national = state.goals.values.filter { goal in
            state.parties[goal.party]?.kind == .reference && state.parties[goal.party]?.level == .national
                && GoalPace.notComparableReason(goal) == nil && goal.reductionPercent != nil && goal.targetYear != nil
        }.sorted { ($0.targetYear!, $0.id) < ($1.targetYear!, $1.id) }.first
        nationalGoal = national
        var pictures: [PartyID: MunicipalityPicture] = [:]
        for (id, _) in state.inventories {
            guard let party = state.parties[id], party.kind == .municipality, let latest = state.latestInventory(of: id) else { continue }
            var path: GoalPace?
            if var goal = national {
                goal.party = id
                path = GoalPace.assess(goal, in: state, method: method)
            }
            let hasPlan = state.roadmaps.values.contains { $0.owner == id && $0.level == .local }
            pictures[id] = MunicipalityPicture(
                party: id, name: party.name, latestYear: latest.year, latestTonnes: latest.totalTonnes,
                trend: state.emissionTrend(of: id, method: method),
                goals: state.goals(of: id).compactMap { GoalPace.assess($0, in: state, method: method) },
                nationalPath: path, hasClimatePlan: hasPlan, largestSector: SectorShare.shares(of: latest).first)
        }
        var assigned = Set<PartyID>()
        var counties: [CountyPicture] = []
        for hub in state.parties(ofKind: .regionalHub) where hub.level == .regional {
            let members = state.members(of: hub.id).compactMap { pictures[$0] }
            guard !members.isEmpty else { continue }
            assigned.formUnion(members.map(\.party))
            var summed: [Int: Double] = [:]
            for member in members {
                for (year, tonnes) in state.emissionSeries(of: member.party) { summed[year, default: 0] += tonnes }
            }
            let series = summed.keys.sorted().map { (year: $0, tonnes: summed[$0]!) }
            counties.append(
                CountyPicture(
                    party: hub.id, name: hub.name, municipalities: members,
                    trend: EmissionTrend.fit(series, fromYear: method.trendFromYear, minimumPoints: method.minimumPoints),
                    latestTonnes: series.last?.tonnes ?? 0))
        }
        self.counties = counties
        unassigned = pictures.values.filter { !assigned.contains($0.party) }.sorted { $0.party < $1.party }
        programmes = state.parties(ofKind: .coordinator).compactMap { coordinator in
            let members = state.members(of: coordinator.id).compactMap { pictures[$0] }
            return members.isEmpty ? nil : (coordinator.id, members)
        }
    }
}
