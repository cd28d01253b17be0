/// How observed and required paces are computed; shown to users with every figure.
///
/// - Observed pace: the least-squares slope `b` of ln(total emissions) against the year over
///   the official inventories from ``trendFromYear`` to the latest year (at least
///   ``minimumPoints`` of them), as a yearly change of `(1 - e^b) * 100` percent (positive:
///   falling). One odd year moves a fitted slope over nine years far less than it moves a
///   first-to-last comparison.
/// - Required pace: the constant yearly cut that takes the latest inventory to the goal's
///   level in its target year: `(1 - (target / latest)^(1 / years)) * 100`.
/// - A goal's level: its stated cut against its base year, or what its goal word implies
///   against ``wordBaseYear`` (near zero: -90 %; fossil-free, net zero: a full cut). A full cut
///   has no finite pace, so cuts are capped at ``cutCapPercent`` (the report's near-zero
///   reading, 90 %).
public struct TrajectoryMethod: Hashable, Sendable {
    public var trendFromYear: Int = 2015
    public var minimumPoints: Int = 5
    public var cutCapPercent: Double = 90
    public var wordBaseYear: Int = 1990

    public init() {}

    /// The method in one sentence, for people.
    public var description: String {
        "observed pace = least-squares slope of ln(territorial emissions) over \(trendFromYear) to the latest inventory year; "
            + "required pace = constant yearly cut from the latest inventory to the goal's level in its target year "
            + "(cuts capped at \(Int(cutCapPercent)) %; goal words read against \(wordBaseYear))"
    }
}
