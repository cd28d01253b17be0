/// One municipality's emissions against its goals and the national path (``NationalPicture``).
public struct MunicipalityPicture: Hashable, Sendable {
    public var party: PartyID
    public var name: String
    public var latestYear: Int
    public var latestTonnes: Double
    public var trend: EmissionTrend?
    /// Its own goals, each held against its emissions (comparable or labelled).
    public var goals: [GoalPace]
    /// The national reference goal held against its emissions.
    public var nationalPath: GoalPace?
    public var hasClimatePlan: Bool
    /// The largest sector in the latest inventory.
    public var largestSector: SectorShare?

    /// Its comparable goals.
    public var comparableGoals: [GoalPace] { goals.filter(\.isComparable) }

    /// On track for its own goals: it has a comparable goal and none is behind; `nil`
    /// without a comparable goal.
    public var onTrackForOwnGoals: Bool? {
        let comparable = comparableGoals
        return comparable.isEmpty ? nil : !comparable.contains(where: \.isBehind)
    }

    /// On track for the national path: its observed pace reaches the national goal's level in
    /// time; `nil` when that cannot be said.
    public var onTrackForNationalPath: Bool? {
        guard let pace = nationalPath, pace.isComparable, pace.observedRatePercent != nil else { return nil }
        return !pace.isBehind
    }
}
