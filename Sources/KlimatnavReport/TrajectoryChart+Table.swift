import Foundation
import KlimatnavCore

// The text alternatives of ``TrajectoryChart``: a description and a table of its lines.
extension TrajectoryChart {
    /// What the chart shows, in words (the SVG's `<desc>`).
    public func description(_ c: Catalogue) -> String {
        let fair = configuration.fairShareRatePercent
        var text = c.format(
            .trajectoryDescription, String(startYear), c.rate(configuration.carbonLawRatePercent),
            c.rate(configuration.klimatkollenRatePercent),
            c.rate(fair.lowerBound), c.rate(fair.upperBound), c.integer(series.count))
        for line in series {
            text += " \(line.name): \(c.rate(line.ratePercent, decimals: 1)) \(line.endYear)."
        }
        return text
    }

    /// The lines as a table: name, goal, yearly rate, last year and the level reached then.
    public func table(_ c: Catalogue) -> String {
        guard !series.isEmpty else { return "" }
        let e = HTML.escape
        var out =
            "<details class=\"chart-data\"><summary>\(e(c[.trajectoryTable]))</summary><table class=\"chart-table\"><caption>\(e(c[.trajectoryTableCaption]))</caption>"
        out +=
            "<thead><tr><th scope=\"col\">\(e(c[.colParty]))</th><th scope=\"col\">\(e(c[.colGoal]))</th><th scope=\"col\">\(e(c[.colRateNow]))</th>"
        out += "<th scope=\"col\">\(e(c[.emissionsYear]))</th><th scope=\"col\">\(e(c[.chartLevelAxis]))</th></tr></thead><tbody>"
        for line in series {
            let goal = GoalTable.label(line.goal, c) + (line.goal.targetYear.map { " \($0)" } ?? "")
            let level = Self.level(rate: line.ratePercent, years: Double(line.endYear - startYear))
            out +=
                "<tr><th scope=\"row\">\(e(line.name))</th><td>\(e(goal))</td><td class=\"num\">\(e(c.rate(line.ratePercent, decimals: 1)))</td>"
            out += "<td class=\"num\">\(line.endYear)</td><td class=\"num\">\(e(c.percent(level, decimals: 1)))</td></tr>"
        }
        return out + "</tbody></table></details>\n"
    }

    /// The chart and its table.
    public func html(_ c: Catalogue, key: String = "all") -> String {
        svg(c, key: key) + table(c)
    }
}
