import Foundation
import KlimatnavCore

/// A party's measured emissions as a stacked SVG area chart by sector (every inventory year,
/// 1990-2023 in the Sweden data), against the path each of its comparable goals requires from
/// the latest year, the Carbon Law, the fair-share band and the observed pace continued.
/// Server-rendered, no scripts; the SVG has a title and a description, and ``table(_:)`` gives
/// the same numbers as tables (WCAG 1.1.1: a text alternative for every chart).
public struct EmissionsChart: Sendable {
    /// One goal held against the emissions, with its label.
    public struct GoalLine: Sendable {
        public var label: String
        public var pace: GoalPace
        /// Sweden's goal held against the party's emissions (drawn in blue), not its own.
        public var national: Bool

        public init(label: String, pace: GoalPace, national: Bool = false) {
            self.label = label
            self.pace = pace
            self.national = national
        }
    }

    /// A line of the chart: its name, colour, dash pattern and points (year, tonnes).
    struct Line {
        var label: String
        var color: String
        var dash: String
        var points: [(year: Int, tonnes: Double)]
    }

    /// Unique within a page (element ids).
    public var key: String
    public var name: String
    /// Tonnes by year and sector.
    public var values: [Int: [EmissionSector: Double]]
    public var goals: [GoalLine]
    public var trend: EmissionTrend?
    public var configuration: GapConfiguration
    public var years: [Int]
    public var sectors: [EmissionSector]
    public var latestYear: Int
    public var latestTonnes: Double
    public var endYear: Int

    /// `nil` when there is nothing to draw (no inventory with emissions).
    public init?(
        key: String, name: String, values: [Int: [EmissionSector: Double]], goals: [GoalLine] = [], trend: EmissionTrend?,
        configuration: GapConfiguration = GapConfiguration()
    ) {
        let years = values.keys.sorted()
        guard let latest = years.last else { return nil }
        let total = values[latest, default: [:]].values.reduce(0, +)
        guard total > 0 else { return nil }
        self.key = key
        self.name = name
        self.values = values
        self.goals = goals.filter(\.pace.isComparable)
        self.trend = trend
        self.configuration = configuration
        self.years = years
        self.sectors = EmissionSector.allCases.filter { sector in years.contains { (values[$0]?[sector] ?? 0) > 0 } }
        self.latestYear = latest
        self.latestTonnes = total
        let targets = self.goals.compactMap(\.pace.targetYear)
        self.endYear = max(latest + 5, min(2050, max(2045, targets.max() ?? 0)))
    }

    /// The chart of a municipality's official inventories and its goals, or `nil` without them.
    /// `national` adds Sweden's goal held against the party's emissions (``MunicipalityPicture/nationalPath``).
    public init?(
        party: PartyID, in state: WorldState, catalogue c: Catalogue, national: GoalLine? = nil,
        configuration: GapConfiguration = GapConfiguration(), method: TrajectoryMethod = TrajectoryMethod()
    ) {
        guard let book = state.inventories[party] else { return nil }
        var values: [Int: [EmissionSector: Double]] = [:]
        for (year, inventory) in book {
            for entry in inventory.sectors { values[year, default: [:]][entry.sector, default: 0] += entry.tonnes }
        }
        let normalizer = GoalNormalizer(configuration: configuration)
        let goals = normalizer.sortedByStrength(state.goals(of: party)).compactMap { goal -> GoalLine? in
            guard let pace = GoalPace.assess(goal, in: state, method: method) else { return nil }
            let year = goal.targetYear.map { " \($0)" } ?? ""
            return GoalLine(label: GoalTable.label(goal, c) + year, pace: pace)
        }
        self.init(
            key: party.rawValue, name: state.parties[party]?.name ?? party.rawValue, values: values,
            goals: goals + (national.map { [$0] } ?? []),
            trend: state.emissionTrend(of: party, method: method), configuration: configuration)
    }

    // MARK: Lines

    static let sectorColors: [EmissionSector: String] = [
        .electricityAndHeating: "#4e79a7", .industry: "#f28e2b", .transport: "#e15759", .workMachinery: "#76b7b2",
        .ownHeating: "#59a14f", .agriculture: "#edc948", .waste: "#b07aa1", .productUse: "#ff9da7", .internationalTransport: "#9c755f",
    ]
    static let goalDashes = ["", "8 4", "3 3", "12 4 3 4"]

    func total(_ year: Int) -> Double { values[year, default: [:]].values.reduce(0, +) }

    /// Tonnes after `years` years at `rate` percent a year from the latest inventory.
    func level(rate: Double, years: Int) -> Double { latestTonnes * pow(1 - rate / 100, Double(years)) }

    /// The goals', the Carbon Law's and the observed pace's lines, from the latest year.
    func lines(_ c: Catalogue) -> [Line] {
        var out: [Line] = []
        for (index, goal) in goals.enumerated() {
            let pace = goal.pace
            var points: [(year: Int, tonnes: Double)] = []
            if let target = pace.targetTonnes, let year = pace.targetYear {
                if year > latestYear, target > 0 {
                    points = (latestYear...year).map { y in
                        (y, latestTonnes * pow(target / latestTonnes, Double(y - latestYear) / Double(year - latestYear)))
                    }
                } else {
                    points = [(year, target)]
                }
            } else if let rate = pace.requiredRatePercent {
                points = (latestYear...endYear).map { ($0, level(rate: rate, years: $0 - latestYear)) }
            }
            guard !points.isEmpty else { continue }
            out.append(
                goal.national
                    ? Line(label: goal.label, color: "#08519c", dash: "6 3", points: points)
                    : Line(
                        label: c.format(.chartGoalPath, goal.label), color: "#1a1a1a", dash: Self.goalDashes[index % Self.goalDashes.count],
                        points: points))
        }
        let law = configuration.carbonLawRatePercent
        out.append(
            Line(
                label: c.format(.emissionsCarbonLaw, c.pace(law)), color: "#4d4d4d", dash: "2 3",
                points: (latestYear...endYear).map { ($0, level(rate: law, years: $0 - latestYear)) }))
        if let trend {
            let cap = (years.map(total).max() ?? latestTonnes) * 1.5
            out.append(
                Line(
                    label: c.format(.chartObserved, c.pace(trend.ratePercent)), color: "#8a3d1b", dash: "1 3",
                    points: (latestYear...endYear).map { ($0, min(cap, latestTonnes * exp(trend.slope * Double($0 - latestYear)))) }))
        }
        return out
    }

    /// The fair-share band's upper (slower cut) and lower (faster cut) edge.
    func band() -> (upper: [(year: Int, tonnes: Double)], lower: [(year: Int, tonnes: Double)]) {
        let slow = configuration.fairShareRatePercent.lowerBound, fast = configuration.fairShareRatePercent.upperBound
        return (
            (latestYear...endYear).map { ($0, level(rate: slow, years: $0 - latestYear)) },
            (latestYear...endYear).map { ($0, level(rate: fast, years: $0 - latestYear)) }
        )
    }

    // MARK: Texts

    var titleID: String { "chart-\(HTML.anchor(key))-title" }
    var descriptionID: String { "chart-\(HTML.anchor(key))-desc" }

    public func title(_ c: Catalogue) -> String {
        c.format(.emissionsChartTitle, name, String(years.first ?? latestYear), String(latestYear))
    }

    /// What the chart shows, in words (the SVG's `<desc>`).
    public func description(_ c: Catalogue) -> String {
        let largest = sectors.max { values[latestYear]?[$0] ?? 0 < values[latestYear]?[$1] ?? 0 }
        let share = largest.map { (values[latestYear]?[$0] ?? 0) / latestTonnes * 100 } ?? 0
        var text = c.format(
            .emissionsDescription, String(years.first ?? latestYear), String(latestYear), c.kilotonnes(latestTonnes),
            largest.map { "\(c.sector($0)) (\(c.percent(share, decimals: 0)))" } ?? "–")
        text +=
            " "
            + (trend.map { c.format(.chartDescriptionTrend, String($0.firstYear), c.pace($0.ratePercent)) } ?? c[.chartDescriptionNoTrend])
        for line in lines(c) {
            guard let last = line.points.last else { continue }
            text += " \(line.label): \(c.kilotonnes(last.tonnes)) \(last.year)."
        }
        return text
    }
}
