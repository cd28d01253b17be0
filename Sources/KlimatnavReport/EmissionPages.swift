import Foundation
import KlimatnavCore

/// The emission parts of the report and the dashboard: per municipality its chart of measured
/// emissions against its goals (``EmissionsChart``) and the table of its goals' paces; per
/// county its members (``EmissionPages+County``); the national overview
/// (``EmissionPages+National``). Each part says in a sentence when the database has no
/// inventories for it, rather than drawing an empty chart.
public struct EmissionPages: Sendable {
    public var model: ReportModel
    public var national: NationalPicture
    public var catalogue: Catalogue
    /// A party's name, linked as the surrounding document links it (already HTML).
    public var partyName: @Sendable (PartyID) -> String
    public var method: TrajectoryMethod

    public init(model: ReportModel, national: NationalPicture, catalogue: Catalogue, partyName: @escaping @Sendable (PartyID) -> String) {
        self.model = model
        self.national = national
        self.catalogue = catalogue
        self.partyName = partyName
        self.method = national.method
    }

    var c: Catalogue { catalogue }
    func e(_ text: String) -> String { HTML.escape(text) }

    /// The municipality's picture (emissions, paces), when it has inventories.
    public func picture(of party: PartyID) -> MunicipalityPicture? {
        national.municipalities.first { $0.party == party }
    }

    /// How paces are computed, in a sentence.
    public func methodNote() -> String {
        "<p class=\"muted\">\(e(c.format(.countiesMethod, String(method.trendFromYear), c.number(method.cutCapPercent, decimals: 0), String(method.wordBaseYear))))</p>"
    }

    // MARK: Municipality

    /// A municipality's emissions and goals: the chart with its tables, the latest figures, and
    /// each goal's required against observed pace; `heading` is the level of the section's heading.
    public func municipalitySection(_ id: PartyID, heading: Int = 3) -> String {
        let h = "h\(heading)"
        var out =
            "<section class=\"emissions\" aria-labelledby=\"emissions-\(HTML.anchor(id.rawValue))\"><\(h) id=\"emissions-\(HTML.anchor(id.rawValue))\">\(e(c[.emissionsHeading]))</\(h)>"
        var path: EmissionsChart.GoalLine?
        if let pace = picture(of: id)?.nationalPath, let goal = national.nationalGoal {
            path = EmissionsChart.GoalLine(label: nationalLabel(goal), pace: pace, national: true)
        }
        guard
            let chart = EmissionsChart(
                party: id, in: model.state, catalogue: c, national: path, configuration: model.configuration, method: method)
        else {
            return out + "<p class=\"no-emissions\">\(e(c.format(.emissionsNone, model.name(id))))</p></section>\n"
        }
        out += "<p>\(e(c[.emissionsIntro]))</p>" + chart.html(c)
        if let picture = picture(of: id) {
            out += "<p>\(e(c.format(.emissionsLatest, String(picture.latestYear), c.kilotonnes(picture.latestTonnes))))"
            if let largest = picture.largestSector {
                out += " " + e(c.format(.emissionsLargest, c.sector(largest.sector), c.percent(largest.share * 100, decimals: 0)))
            }
            out += "</p>" + paceTable(picture)
        }
        return out + methodNote() + "</section>\n"
    }

    /// Each goal of `picture` (and Sweden's goal) held against the measured emissions.
    func paceTable(_ picture: MunicipalityPicture) -> String {
        var rows: [(String, GoalPace)] = picture.goals.map { pace in
            (model.state.goals[pace.goalID].map { GoalTable.label($0, c) + ($0.targetYear.map { " \($0)" } ?? "") } ?? pace.goalID, pace)
        }
        if let path = picture.nationalPath, let goal = national.nationalGoal {
            rows.append((nationalLabel(goal), path))
        }
        guard !rows.isEmpty else { return "" }
        var out =
            "<table class=\"paces\"><thead><tr><th scope=\"col\">\(e(c[.colGoal]))</th><th scope=\"col\">\(e(c[.colRequired]))</th><th scope=\"col\">\(e(c[.colObserved]))</th><th scope=\"col\">\(e(c[.colYearReached]))</th><th scope=\"col\">\(e(c[.colPaceStatus]))</th></tr></thead><tbody>"
        for (label, pace) in rows {
            out += "<tr data-goal=\"\(e(pace.goalID))\"><th scope=\"row\">\(e(label))</th>"
            out += "<td class=\"num\">\(pace.isComparable ? pace.requiredRatePercent.map { e(c.pace($0)) } ?? "–" : "–")</td>"
            out += "<td class=\"num\">\(pace.observedRatePercent.map { e(c.pace($0)) } ?? "–")</td>"
            out += "<td class=\"num\">\(e(yearReached(pace)))</td><td>\(status(pace))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    /// "Sweden: −85 % vs 1990 2045".
    func nationalLabel(_ goal: Goal) -> String {
        "\(model.name(goal.party)): \(GoalTable.label(goal, c)) \(goal.targetYear.map(String.init) ?? "")"
    }

    func yearReached(_ pace: GoalPace) -> String {
        guard pace.isComparable, pace.targetTonnes != nil else { return "–" }
        guard let year = pace.yearReached else { return c[.paceNever] }
        return year <= pace.latestYear ? c[.paceAlreadyReached] : String(year)
    }

    /// On track, a delivery gap with its size, missed, or why it cannot be compared (HTML).
    func status(_ pace: GoalPace) -> String {
        switch pace.comparability {
        case .notComparable(let reason):
            return "\(e(c[.paceNotComparable])): \(e(c.language == .sv ? reason.sv : reason.english))"
        case .comparable:
            if pace.isMissed { return "<strong>\(e(c[.paceMissed]))</strong>" }
            if pace.isBehind, let points = pace.gapPoints {
                return "<strong>\(e(c.format(.paceBehind, c.number(points, decimals: 1))))</strong>"
            }
            return pace.requiredRatePercent == nil ? "–" : e(c[.paceOnTrack])
        }
    }
}
