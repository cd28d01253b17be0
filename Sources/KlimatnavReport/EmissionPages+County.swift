import Foundation
import KlimatnavCore

// A county's page: its member municipalities, how many are on track, observed against required
// pace, plan and goal coverage, and the chart of the members' summed emissions.
extension EmissionPages {
    /// The county (or other regional party with municipality members) as ``NationalPicture`` sees it.
    public func county(_ id: PartyID) -> CountyPicture? {
        national.counties.first { $0.party == id }
    }

    /// The municipality members of a regional party.
    func memberMunicipalities(_ id: PartyID) -> [Party] {
        model.state.members(of: id).compactMap { model.state.parties[$0] }.filter { $0.kind == .municipality }
            .sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
    }

    /// The section for a regional party with municipality members (empty string without any).
    public func countySection(_ id: PartyID, heading: Int = 3) -> String {
        let members = memberMunicipalities(id)
        guard !members.isEmpty else { return "" }
        let h = "h\(heading)"
        let anchor = "members-\(HTML.anchor(id.rawValue))"
        var out =
            "<section class=\"county\" aria-labelledby=\"\(anchor)\"><\(h) id=\"\(anchor)\">\(e(c.format(.countyMembers, model.name(id))))</\(h)>"
        if let county = county(id) {
            out += "<p class=\"county-summary\">\(e(countySummary(county)))</p>"
            if let chart = countyChart(county) {
                out += "<p>\(e(c[.countyChartNote]))</p>" + chart.html(c)
            }
        } else {
            out += "<p class=\"no-emissions\">\(e(c[.countyNoEmissions]))</p>"
        }
        out += memberTable(members)
        return out + methodNote() + "</section>\n"
    }

    func countySummary(_ county: CountyPicture) -> String {
        c.format(
            .countySummary, c.integer(county.onTrackForNationalPath), c.integer(county.count), c.integer(county.onTrackForOwnGoals),
            c.integer(county.withComparableGoal), c.integer(county.withClimatePlan),
            c.integer(county.municipalities.filter { !$0.goals.isEmpty }.count))
    }

    /// The members' emissions added together, by year and sector.
    func countyChart(_ county: CountyPicture) -> EmissionsChart? {
        var values: [Int: [EmissionSector: Double]] = [:]
        for member in county.municipalities {
            for (year, inventory) in model.state.inventories[member.party] ?? [:] {
                for entry in inventory.sectors { values[year, default: [:]][entry.sector, default: 0] += entry.tonnes }
            }
        }
        return EmissionsChart(
            key: "county-\(county.party.rawValue)", name: county.name, values: values, trend: county.trend,
            configuration: model.configuration)
    }

    /// One row per member: latest emissions, observed and (fastest) required pace, own goals,
    /// Sweden's goal, climate plan.
    func memberTable(_ members: [Party]) -> String {
        var out =
            "<table class=\"members\"><thead><tr><th scope=\"col\">\(e(c[.colMunicipality]))</th><th scope=\"col\">\(e(c[.colLatest]))</th>"
        out +=
            "<th scope=\"col\">\(e(c[.colObserved]))</th><th scope=\"col\">\(e(c[.colRequired]))</th><th scope=\"col\">\(e(c[.colOwnGoals]))</th>"
        out += "<th scope=\"col\">\(e(c[.colNationalPath]))</th><th scope=\"col\">\(e(c[.colPlan]))</th></tr></thead><tbody>"
        for member in members {
            let picture = picture(of: member.id)
            let hasPlan = picture?.hasClimatePlan ?? model.state.roadmaps.values.contains { $0.owner == member.id && $0.level == .local }
            out += "<tr data-party=\"\(e(member.id.rawValue))\"><th scope=\"row\">\(partyName(member.id))</th>"
            out += "<td class=\"num\">\(picture.map { e("\(c.kilotonnes($0.latestTonnes)) (\($0.latestYear))") } ?? "–")</td>"
            out += "<td class=\"num\">\(picture?.trend.map { e(c.pace($0.ratePercent)) } ?? "–")</td>"
            let required = picture?.comparableGoals.compactMap(\.requiredRatePercent).max()
            out += "<td class=\"num\">\(required.map { e(c.pace($0)) } ?? "–")</td>"
            out += "<td>\(e(ownGoals(picture, goals: model.state.goals(of: member.id).count)))</td>"
            out += "<td>\(e(yesNo(picture?.onTrackForNationalPath)))</td><td>\(e(c[hasPlan ? .answerYes : .answerNo]))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    func ownGoals(_ picture: MunicipalityPicture?, goals: Int) -> String {
        if goals == 0 { return c[.colNoGoal] }
        guard let onTrack = picture?.onTrackForOwnGoals else { return c[.paceNotComparable] }
        if onTrack { return c[.paceOnTrack] }
        let behind = picture?.comparableGoals.filter(\.isBehind).compactMap(\.gapPoints).max()
        return behind.map { c.format(.paceBehind, c.number($0, decimals: 1)) } ?? c[.paceMissed]
    }

    func yesNo(_ value: Bool?) -> String {
        value.map { c[$0 ? .answerYes : .answerNo] } ?? "–"
    }
}
