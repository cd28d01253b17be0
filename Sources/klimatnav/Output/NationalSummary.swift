import Foundation
import KlimatnavCore
import KlimatnavReport

/// The national picture `klimatnav run sverige` prints: per county how many municipalities are
/// on track, and the programme municipalities' observed against required pace; in Swedish or
/// English.
struct NationalSummary {
    let picture: NationalPicture
    let state: WorldState
    var language: Language = .en

    private var sv: Bool { language == .sv }
    private var c: Catalogue { Catalogue(language) }
    /// "3 of 9" or "3 av 9".
    private func of(_ part: Int, _ whole: Int) -> String { sv ? "\(part) av \(whole)" : "\(part) of \(whole)" }

    var text: String {
        let all = picture.municipalities
        guard !all.isEmpty else { return "" }
        let years = Set(all.map(\.latestYear)).sorted().map(String.init).joined(separator: ", ")
        var out =
            sv
            ? "\nDen nationella bilden: \(all.count) kommuner med utsläppsstatistik i \(picture.counties.count) län (senaste år \(years); källa: \(sources(all))).\n"
            : "\nNational picture: \(all.count) municipalities with emission inventories in \(picture.counties.count) counties (latest year \(years); source: \(sources(all))).\n"
        let method = picture.method
        out +=
            sv
            ? c.format(.countiesMethod, String(method.trendFromYear), String(Int(method.cutCapPercent)), String(method.wordBaseYear)) + "\n"
            : "Method: \(method.description).\n"
        if let goal = picture.nationalGoal {
            out +=
                sv
                ? "Den nationella banan: målet ”\(goal.text.isEmpty ? goal.id : goal.text)” (\(name(goal.party))), tillämpat på varje kommuns egna territoriella utsläpp.\n"
                : "National path: the \(name(goal.party)) goal '\(goal.englishText.isEmpty ? goal.id : goal.englishText)', held against each municipality's own territorial emissions.\n"
        }
        out +=
            "\n"
            + row(
                sv
                    ? ["Län", "Kommuner", "Klimatplan", "Takt 2015–", "På nationell bana", "Egna mål i fas", "≥ 7 %/år"]
                    : ["County", "Municipalities", "Climate plan", "Pace 2015-", "On national path", "Own goals on track", ">= 7 %/yr"])
            + "\n"
        for county in picture.counties.sorted(by: { $0.name < $1.name }) {
            out +=
                row([
                    county.name, "\(county.count)", "\(county.withClimatePlan)", county.trend.map { rate($0.ratePercent) } ?? "-",
                    of(county.onTrackForNationalPath, county.count),
                    county.withComparableGoal == 0 ? "-" : of(county.onTrackForOwnGoals, county.withComparableGoal),
                    "\(county.fallingAtCarbonLaw)",
                ]) + "\n"
        }
        let counted = picture.counties.flatMap(\.municipalities)
        out +=
            row([
                sv ? "Sverige" : "Sweden", "\(counted.count)", "\(counted.filter(\.hasClimatePlan).count)", "",
                of(counted.filter { $0.onTrackForNationalPath == true }.count, counted.count),
                of(counted.filter { $0.onTrackForOwnGoals == true }.count, counted.filter { $0.onTrackForOwnGoals != nil }.count),
                "\(counted.filter { ($0.trend?.ratePercent ?? -.infinity) >= 7 }.count)",
            ]) + "\n"
        for (programme, members) in picture.programmes {
            out +=
                sv
                ? "\n\(name(programme)): \(members.count) kommuner; observerad takt mot den takt varje mål kräver\n"
                : "\n\(name(programme)): \(members.count) municipalities; observed pace against each goal's required pace\n"
            let withGoals = members.filter { !$0.goals.isEmpty }.sorted { $0.name < $1.name }
            for m in withGoals {
                let observed = m.trend.map { rate($0.ratePercent) } ?? (sv ? "okänd" : "unknown")
                out +=
                    sv
                    ? "  \(m.name): \(kt(m.latestTonnes)) år \(m.latestYear), observerad takt \(observed)"
                    : "  \(m.name): \(kt(m.latestTonnes)) in \(m.latestYear), observed \(observed)"
                if let largest = m.largestSector {
                    let share = Int((largest.share * 100).rounded())
                    out +=
                        sv
                        ? ", största sektor \(c.sector(largest.sector)) \(share) %"
                        : ", largest sector \(largest.sector.englishName) \(share) %"
                }
                out += "\n"
                for pace in m.goals {
                    out += "    - \(goalLabel(pace.goalID)): " + paceText(pace) + "\n"
                }
            }
            let without = members.filter(\.goals.isEmpty).sorted { $0.name < $1.name }
            if !without.isEmpty {
                out += sv ? "  Inget känt mål (\(without.count)): " : "  No goal known (\(without.count)): "
                out += without.map { "\($0.name) \($0.trend.map { rate($0.ratePercent) } ?? "-")" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private func paceText(_ pace: GoalPace) -> String {
        switch pace.comparability {
        case .notComparable(let reason):
            if sv { return "inte jämförbart: \(reason.sv)" }
            return reason.english.contains("not comparable") ? reason.english : "not comparable with territorial data (\(reason.english))"
        case .comparable:
            if pace.isMissed, let target = pace.targetTonnes, let year = pace.targetYear {
                return sv
                    ? "målet \(kt(target)) år \(year) är inte nått (\(kt(pace.latestTonnes)) år \(pace.latestYear)); LEVERANSGLAPP"
                    : "target \(kt(target)) by \(year) missed (\(kt(pace.latestTonnes)) in \(pace.latestYear)); DELIVERY GAP"
            }
            guard let required = pace.requiredRatePercent else { return sv ? "ingen krävd takt" : "no required pace" }
            var text = sv ? "krävd takt \(rate(required))" : "required \(rate(required))"
            if let target = pace.targetTonnes, let year = pace.targetYear {
                text += sv ? " till \(kt(target)) år \(year)" : " to \(kt(target)) by \(year)"
            }
            if pace.targetTonnes != nil {
                if let reached = pace.yearReached {
                    text += sv ? ", nås år \(reached) i observerad takt" : ", reached in \(reached) at the observed pace"
                } else {
                    text += sv ? ", nås aldrig i observerad takt" : ", never reached at the observed pace"
                }
            } else {
                text += sv ? " (en årlig takt utan målår)" : " (a yearly rate with no target year)"
            }
            if pace.isBehind, let points = pace.gapPoints {
                text +=
                    sv
                    ? "; LEVERANSGLAPP \(c.number(points, decimals: 1)) procentenheter per år"
                    : "; DELIVERY GAP \(String(format: "%.1f", points)) points a year"
            } else {
                text += sv ? "; i fas" : "; on track"
            }
            return text
        }
    }

    private func goalLabel(_ id: String) -> String {
        guard let goal = state.goals[id] else { return id }
        let text = sv ? goal.text : goal.englishText
        let label = text.isEmpty ? id : text
        let marker = sv ? "förslag" : "proposed"
        // The playbook's own text often says so already ("... (förslag)").
        return goal.status == .proposed && !label.contains(marker) ? "\(label) [\(marker)]" : label
    }

    private func name(_ id: PartyID) -> String {
        guard let party = state.parties[id] else { return id.rawValue }
        return sv ? party.name : party.englishName
    }

    private func sources(_ all: [MunicipalityPicture]) -> String {
        let names = Set(all.compactMap { state.latestInventory(of: $0.party)?.source })
        return names.isEmpty ? (sv ? "inte angiven" : "not stated") : names.sorted().joined(separator: "; ")
    }

    private func row(_ cells: [String]) -> String {
        let widths = [24, 15, 13, 12, 17, 19, 9]
        return zip(cells, widths).map { cell, width in cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "-4.1 %/yr" (falling) or "+0.3 %/yr" (rising); in Swedish "−4,1 %/år".
    func rate(_ percent: Double) -> String {
        let sign = percent >= 0 ? (sv ? "−" : "-") : "+"
        let number = sv ? c.number(abs(percent), decimals: 1) : String(format: "%.1f", abs(percent))
        return "\(sign)\(number) %/\(sv ? "år" : "yr")"
    }

    /// Kilotonnes: whole above 100 kt, one decimal below.
    func kt(_ tonnes: Double) -> String {
        let decimals = tonnes >= 100_000 ? 0 : 1
        return sv ? "\(c.number(tonnes / 1000, decimals: decimals)) kt" : String(format: "%.\(decimals)f kt", tonnes / 1000)
    }
}
