/// A county's member municipalities summed and counted (``NationalPicture``).
public struct CountyPicture: Hashable, Sendable {
    public var party: PartyID
    public var name: String
    public var municipalities: [MunicipalityPicture]
    /// The observed pace of the members' summed emissions.
    public var trend: EmissionTrend?
    public var latestTonnes: Double

    public var count: Int { municipalities.count }
    public var withClimatePlan: Int { municipalities.filter(\.hasClimatePlan).count }
    public var withComparableGoal: Int { municipalities.filter { $0.onTrackForOwnGoals != nil }.count }
    public var onTrackForOwnGoals: Int { municipalities.filter { $0.onTrackForOwnGoals == true }.count }
    public var onTrackForNationalPath: Int { municipalities.filter { $0.onTrackForNationalPath == true }.count }
    public var fallingAtCarbonLaw: Int { municipalities.filter { ($0.trend?.ratePercent ?? -.infinity) >= 7 }.count }
}
