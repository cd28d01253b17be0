import Foundation
import KlimatnavCore

// The national overview for the Markdown report: the county table in Markdown.
extension EmissionPages {
    /// `## Län och kommuner` with a row per county and the country; a sentence without inventories.
    public func nationalMarkdown() -> String {
        let m = HTML.markdown
        func row(_ cells: [String]) -> String { "| " + cells.map(m).joined(separator: " | ") + " |\n" }
        var out = "## \(m(c[.countiesHeading]))\n\n"
        guard !national.counties.isEmpty else { return out + m(c[.countiesNone]) + "\n\n" }
        out += m(c[.countiesIntro]) + "\n\n"
        let headers: [Catalogue.PageKey] = [
            .colCounty, .colMunicipalities, .colWithPlan, .colWithAnyGoal, .colWithGoal, .colOwnGoalsOnTrack, .colNationalPath, .colPace,
        ]
        out += row(headers.map { c[$0] }) + "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
        let counties = national.counties.sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
        for county in counties {
            out += row([
                county.name, c.integer(county.count), c.integer(county.withClimatePlan),
                c.integer(county.municipalities.filter { !$0.goals.isEmpty }.count), c.integer(county.withComparableGoal),
                county.withComparableGoal == 0 ? "–" : "\(c.integer(county.onTrackForOwnGoals)) / \(c.integer(county.withComparableGoal))",
                "\(c.integer(county.onTrackForNationalPath)) / \(c.integer(county.count))",
                county.trend.map { c.pace($0.ratePercent) } ?? "–",
            ])
        }
        let method = c.format(
            .countiesMethod, String(method.trendFromYear), c.number(method.cutCapPercent, decimals: 0), String(method.wordBaseYear))
        return out + "\n_\(m(method))_\n\n"
    }
}
