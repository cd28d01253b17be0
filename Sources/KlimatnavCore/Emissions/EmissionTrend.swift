import Foundation

/// The observed pace of a party's emissions: a least-squares line through ln(tonnes) by year.
public struct EmissionTrend: Hashable, Sendable {
    public var firstYear: Int
    public var lastYear: Int
    /// How many inventories the line is fitted to.
    public var points: Int
    /// d ln(tonnes) / d year.
    public var slope: Double

    /// The yearly change in percent, positive when emissions fall: `(1 - e^slope) * 100`.
    public var ratePercent: Double { (1 - exp(slope)) * 100 }

    /// Fits the line to the points of `series` (year, tonnes) from `fromYear` on with tonnes
    /// above zero; `nil` with fewer than `minimumPoints` such points.
    public static func fit(_ series: [(year: Int, tonnes: Double)], fromYear: Int, minimumPoints: Int) -> EmissionTrend? {
        let used = series.filter { $0.year >= fromYear && $0.tonnes > 0 }
        guard used.count >= max(minimumPoints, 2) else { return nil }
        let n = Double(used.count)
        let meanX = used.reduce(0) { $0 + Double($1.year) } / n
        let meanY = used.reduce(0) { $0 + log($1.tonnes) } / n
        var sxy = 0.0
        var sxx = 0.0
        for point in used {
            let dx = Double(point.year) - meanX
            sxy += dx * (log(point.tonnes) - meanY)
            sxx += dx * dx
        }
        guard sxx > 0 else { return nil }
        return EmissionTrend(
            firstYear: used.map(\.year).min()!, lastYear: used.map(\.year).max()!, points: used.count, slope: sxy / sxx)
    }
}
