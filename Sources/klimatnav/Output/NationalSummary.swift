import Foundation
import KlimatnavCore

/// The national picture `klimatnav run sverige` prints: per county how many municipalities are
/// on track, and the programme municipalities' observed against required pace.
struct NationalSummary {
    let picture: NationalPicture
    let state: WorldState

    var text: String {
        let all = picture.municipalities
        guard !all.isEmpty else { return "" }
        let years = Set(all.map(\.latestYear)).sorted()
        var out = "\nNational picture: \(all.count) municipalities with emission inventories in \(picture.counties.count) counties "
        out += "(latest year \(years.map(String.init).joined(separator: ", ")); source: \(sources(all))).\n"
        out += "Method: \(picture.method.description).\n"
        if let goal = picture.nationalGoal {
            out +=
                "National path: the \(name(goal.party)) goal '\(goal.englishText.isEmpty ? goal.id : goal.englishText)', held against each municipality's own territorial emissions.\n"
        }
        out +=
            "\n" + row(["County", "Municipalities", "Climate plan", "Pace 2015-", "On national path", "Own goals on track", ">= 7 %/yr"])
            + "\n"
        for county in picture.counties.sorted(by: { $0.name < $1.name }) {
            out +=
                row([
                    county.name, "\(county.count)", "\(county.withClimatePlan)", county.trend.map { Self.rate($0.ratePercent) } ?? "-",
                    "\(county.onTrackForNationalPath) of \(county.count)",
                    county.withComparableGoal == 0 ? "-" : "\(county.onTrackForOwnGoals) of \(county.withComparableGoal)",
                    "\(county.fallingAtCarbonLaw)",
                ]) + "\n"
        }
        let counted = picture.counties.flatMap(\.municipalities)
        out +=
            row([
                "Sweden", "\(counted.count)", "\(counted.filter(\.hasClimatePlan).count)", "",
                "\(counted.filter { $0.onTrackForNationalPath == true }.count) of \(counted.count)",
                "\(counted.filter { $0.onTrackForOwnGoals == true }.count) of \(counted.filter { $0.onTrackForOwnGoals != nil }.count)",
                "\(counted.filter { ($0.trend?.ratePercent ?? -.infinity) >= 7 }.count)",
            ]) + "\n"
        for (programme, members) in picture.programmes {
            out += "\n\(name(programme)): \(members.count) municipalities; observed pace against each goal's required pace\n"
            let withGoals = members.filter { !$0.goals.isEmpty }.sorted { $0.name < $1.name }
            for m in withGoals {
                out +=
                    "  \(m.name): \(Self.kt(m.latestTonnes)) in \(m.latestYear), observed \(m.trend.map { Self.rate($0.ratePercent) } ?? "unknown")"
                if let largest = m.largestSector {
                    out += ", largest sector \(largest.sector.swedishName) \(Int((largest.share * 100).rounded())) %"
                }
                out += "\n"
                for pace in m.goals {
                    out += "    - \(goalLabel(pace.goalID)): " + paceText(pace) + "\n"
                }
            }
            let without = members.filter(\.goals.isEmpty).sorted { $0.name < $1.name }
            if !without.isEmpty {
                out += "  No goal known (\(without.count)): "
                out += without.map { "\($0.name) \($0.trend.map { Self.rate($0.ratePercent) } ?? "-")" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private func paceText(_ pace: GoalPace) -> String {
        switch pace.comparability {
        case .notComparable(let reason):
            return reason.contains("not comparable") ? reason : "not comparable with territorial data (\(reason))"
        case .comparable:
            if pace.isMissed, let target = pace.targetTonnes, let year = pace.targetYear {
                return "target \(Self.kt(target)) by \(year) missed (\(Self.kt(pace.latestTonnes)) in \(pace.latestYear)); DELIVERY GAP"
            }
            guard let required = pace.requiredRatePercent else { return "no required pace" }
            var text = "required \(Self.rate(required))"
            if let target = pace.targetTonnes, let year = pace.targetYear { text += " to \(Self.kt(target)) by \(year)" }
            if pace.targetTonnes != nil {
                text += pace.yearReached.map { ", reached in \($0) at the observed pace" } ?? ", never reached at the observed pace"
            } else {
                text += " (a yearly rate with no target year)"
            }
            if pace.isBehind, let points = pace.gapPoints {
                text += "; DELIVERY GAP \(String(format: "%.1f", points)) points a year"
            } else {
                text += "; on track"
            }
            return text
        }
    }

    private func goalLabel(_ id: String) -> String {
        guard let goal = state.goals[id] else { return id }
        let text = goal.englishText.isEmpty ? id : goal.englishText
        return goal.status == .proposed ? "\(text) [proposed]" : text
    }

    private func name(_ id: PartyID) -> String { state.parties[id]?.englishName ?? id.rawValue }

    private func sources(_ all: [MunicipalityPicture]) -> String {
        let names = Set(all.compactMap { state.latestInventory(of: $0.party)?.source })
        return names.isEmpty ? "not stated" : names.sorted().joined(separator: "; ")
    }

    private func row(_ cells: [String]) -> String {
        let widths = [24, 15, 13, 12, 17, 19, 9]
        return zip(cells, widths).map { cell, width in cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "-4.1 %/yr" (falling) or "+0.3 %/yr" (rising).
    static func rate(_ percent: Double) -> String {
        percent >= 0 ? String(format: "-%.1f %%/yr", percent) : String(format: "+%.1f %%/yr", -percent)
    }

    static func kt(_ tonnes: Double) -> String {
        tonnes >= 100_000 ? String(format: "%.0f kt", tonnes / 1000) : String(format: "%.1f kt", tonnes / 1000)
    }
}
