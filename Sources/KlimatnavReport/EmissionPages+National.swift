import Foundation
import KlimatnavCore

// The national overview: a table per county, and each programme's municipalities with
// observed against required pace.
extension EmissionPages {
    /// The overview section (`id="counties"`); a sentence when no county has inventories.
    public func nationalSection(heading: Int = 2) -> String {
        let h = "h\(heading)", sub = "h\(heading + 1)"
        var out =
            "<section id=\"counties\" aria-labelledby=\"counties-heading\"><\(h) id=\"counties-heading\">\(e(c[.countiesHeading]))</\(h)>"
        guard !national.counties.isEmpty else { return out + "<p class=\"no-emissions\">\(e(c[.countiesNone]))</p></section>\n" }
        out += "<p>\(e(c[.countiesIntro]))</p>" + CountyMap(counties: national.counties).svg(c) + countyTable()
        for (programme, members) in national.programmes {
            out += "<\(sub)>\(e(c.format(.programmeHeading, model.name(programme))))</\(sub)><p>\(e(c[.programmeIntro]))</p>"
            out += programmeTable(members)
        }
        return out + methodNote() + "</section>\n"
    }

    /// One row per county and a row for the country.
    func countyTable() -> String {
        let headers: [Catalogue.PageKey] = [
            .colCounty, .colMunicipalities, .colWithPlan, .colWithAnyGoal, .colWithGoal, .colOwnGoalsOnTrack, .colNationalPath, .colPace,
            .colCarbonLawPace,
        ]
        var out =
            "<table class=\"counties\" id=\"county-table\"><thead><tr>" + headers.map { "<th scope=\"col\">\(e(c[$0]))</th>" }.joined()
            + "</tr></thead><tbody>"
        let counties = national.counties.sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
        for county in counties {
            out += "<tr data-county=\"\(e(county.party.rawValue))\"><th scope=\"row\">\(partyName(county.party))</th>"
            out +=
                cells([
                    c.integer(county.count), c.integer(county.withClimatePlan),
                    c.integer(county.municipalities.filter { !$0.goals.isEmpty }.count), c.integer(county.withComparableGoal),
                    county.withComparableGoal == 0
                        ? "–" : "\(c.integer(county.onTrackForOwnGoals)) / \(c.integer(county.withComparableGoal))",
                    "\(c.integer(county.onTrackForNationalPath)) / \(c.integer(county.count))",
                    county.trend.map { c.pace($0.ratePercent) } ?? "–", c.integer(county.fallingAtCarbonLaw),
                ]) + "</tr>"
        }
        let all = national.counties.flatMap(\.municipalities)
        let comparable = all.filter { $0.onTrackForOwnGoals != nil }.count
        out += "</tbody><tfoot><tr><th scope=\"row\">\(e(c.language == .sv ? "Sverige" : "Sweden"))</th>"
        out += cells([
            c.integer(all.count), c.integer(all.filter(\.hasClimatePlan).count), c.integer(all.filter { !$0.goals.isEmpty }.count),
            c.integer(comparable),
            comparable == 0 ? "–" : "\(c.integer(all.filter { $0.onTrackForOwnGoals == true }.count)) / \(c.integer(comparable))",
            "\(c.integer(all.filter { $0.onTrackForNationalPath == true }.count)) / \(c.integer(all.count))", "",
            c.integer(all.filter { ($0.trend?.ratePercent ?? -.infinity) >= 7 }.count),
        ])
        return out + "</tr></tfoot></table>"
    }

    private func cells(_ texts: [String]) -> String {
        texts.map { "<td class=\"num\">\(e($0))</td>" }.joined()
    }

    /// Each member with a goal: one row per goal; the members without a known goal in a sentence.
    func programmeTable(_ members: [MunicipalityPicture]) -> String {
        let sorted = members.sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
        var out =
            "<table class=\"programme\"><thead><tr><th scope=\"col\">\(e(c[.colMunicipality]))</th><th scope=\"col\">\(e(c[.colLatest]))</th><th scope=\"col\">\(e(c[.colObserved]))</th>"
        out +=
            "<th scope=\"col\">\(e(c[.colGoal]))</th><th scope=\"col\">\(e(c[.colRequired]))</th><th scope=\"col\">\(e(c[.colYearReached]))</th><th scope=\"col\">\(e(c[.colPaceStatus]))</th></tr></thead><tbody>"
        for member in sorted where !member.goals.isEmpty {
            for pace in member.goals {
                out += "<tr data-party=\"\(e(member.party.rawValue))\" data-goal=\"\(e(pace.goalID))\">"
                out +=
                    "<th scope=\"row\">\(partyName(member.party))</th><td class=\"num\">\(e(c.kilotonnes(member.latestTonnes))) (\(member.latestYear))</td>"
                out += "<td class=\"num\">\(member.trend.map { e(c.pace($0.ratePercent)) } ?? "–")</td>"
                let label =
                    model.state.goals[pace.goalID].map { GoalTable.label($0, c) + ($0.targetYear.map { " \($0)" } ?? "") } ?? pace.goalID
                out +=
                    "<td>\(e(label))</td><td class=\"num\">\(pace.isComparable ? pace.requiredRatePercent.map { e(c.pace($0)) } ?? "–" : "–")</td>"
                out += "<td class=\"num\">\(e(yearReached(pace)))</td><td>\(status(pace))</td></tr>"
            }
        }
        out += "</tbody></table>"
        let without = sorted.filter(\.goals.isEmpty)
        if !without.isEmpty {
            out += "<p>\(e(c.format(.programmeNoGoal, without.map(\.name).joined(separator: ", "))))</p>"
        }
        return out
    }
}
