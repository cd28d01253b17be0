/// The net-zero targets of the levels above: national and EU. Taken from the goals of the
/// state's `reference` parties (found by kind and level, never by id), or from the
/// configuration when the state holds none.
public struct ReferenceTarget: Hashable, Sendable {
    public var level: Level
    public var year: Int
    /// Scopes the target covers (scope 1-2 unless its goal says otherwise).
    public var scopes: Set<Int>
    /// The reference party and goal, when taken from the state.
    public var party: PartyID?
    public var goalID: String?

    /// "Sweden's net-zero goal (2045)" or "the national net-zero year (2045)".
    public func phrase(in state: WorldState) -> String {
        if let party { return "\(GapText.possessive(GapText.name(party, in: state))) net-zero goal (\(year))" }
        return "the \(GapText.level(level)) net-zero year (\(year))"
    }

    /// Evidence naming where the target comes from.
    public var evidence: String {
        if let goalID { return "goal:\(goalID) (\(GapText.level(level)) reference, \(year))" }
        return "configuration: \(GapText.level(level)) net-zero year \(year)"
    }
}

extension GapIndex {
    /// The national and EU targets, in level order.
    public func referenceTargets(_ configuration: GapConfiguration) -> [ReferenceTarget] {
        let normalizer = GoalNormalizer(configuration: configuration)
        return [(Level.national, configuration.nationalNetZeroYear), (.eu, configuration.euNetZeroYear)].map { level, fallback in
            var best: (Goal, Int)?
            for party in referenceParties.sorted() where state.parties[party]?.level == level {
                for goal in goals(of: party) where goal.sector == nil {
                    guard let year = goal.targetYear, normalizer.reading(of: goal).isEndGoal else { continue }
                    if best == nil || year < best!.1 { best = (goal, year) }
                }
            }
            if let (goal, year) = best {
                return ReferenceTarget(
                    level: level, year: year, scopes: Set(goal.scopes ?? [1, 2]), party: goal.party, goalID: goal.id)
            }
            return ReferenceTarget(level: level, year: fallback, scopes: [1, 2], party: nil, goalID: nil)
        }
    }
}
