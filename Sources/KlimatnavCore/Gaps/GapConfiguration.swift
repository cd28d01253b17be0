/// Thresholds and reference values the gap rules use. Defaults follow the report
/// (Viable Cities Report 2021:7, section 4.1).
public struct GapConfiguration: Codable, Hashable, Sendable {
    /// A reference annual reduction rate a goal can be measured against.
    public enum ReferenceRate: String, Codable, Hashable, Sendable, CaseIterable {
        /// The Carbon Law: halve global emissions every decade, about 7 %/yr from 2020.
        case carbonLaw = "carbon-law"
        /// The low end of a rich municipality's fair share (10 %/yr from 2020).
        case fairShareLow = "fair-share-low"
        /// The high end of a rich municipality's fair share (14 %/yr from 2020).
        case fairShareHigh = "fair-share-high"
        /// Klimatkollen's rate for Swedish municipalities (11.72 %/yr).
        case klimatkollen
    }

    /// The Carbon Law rate, in percent per year.
    public var carbonLawRatePercent: Double = 7
    /// A fair share for rich municipalities (2 degrees), in percent per year.
    public var fairShareRatePercent: ClosedRange<Double> = 10...14
    /// Klimatkollen's reference rate, in percent per year.
    public var klimatkollenRatePercent: Double = 11.72
    /// Which reference rate the ambition rule uses as its bar (the others are reported too).
    public var ambitionBar: ReferenceRate = .carbonLaw
    /// Sweden's net-zero year, used when the state holds no national reference goal.
    public var nationalNetZeroYear: Int = 2045
    /// The EU's climate-neutrality year, used when the state holds no EU reference goal.
    public var euNetZeroYear: Int = 2050
    /// The year rates are computed from ("now" in the report: 2020).
    public var currentYear: Int = 2020
    /// A cut of 100 % has no finite annual rate; for rates, cuts are capped at this value
    /// (the report's near-zero reading, -90 %).
    public var rateCutCapPercent: Double = 90
    /// Goals that cut at least this much (or rely on negative emissions) are end goals and
    /// are compared with the higher levels' net-zero years.
    public var endGoalCutPercent: Double = 90
    /// A party's goals are judged together: a later end goal is not an ambition gap when the
    /// same party has an adopted geographic goal for the same scopes that reaches at least
    /// this cut by the reference year (Table 4.1.1's 2030 row "-80 % CO2 / 14-15 % per år"
    /// is the weakest such goal the report puts ahead of the national goal).
    public var strongerGoalCutPercent: Double = 80
    /// How goal words rank; see ``GoalWordOrdering``.
    public var wordOrdering: GoalWordOrdering = .reportText

    public init() {}

    /// The rate, in percent per year, that `reference` stands for.
    public func ratePercent(_ reference: ReferenceRate) -> Double {
        switch reference {
        case .carbonLaw: carbonLawRatePercent
        case .fairShareLow: fairShareRatePercent.lowerBound
        case .fairShareHigh: fairShareRatePercent.upperBound
        case .klimatkollen: klimatkollenRatePercent
        }
    }

    /// The bar the ambition rule measures implied rates against, in percent per year.
    public var ambitionBarRatePercent: Double { ratePercent(ambitionBar) }

    /// One line comparing a rate with all reference rates, for evidence.
    public func rateComparison(_ ratePercent: Double) -> String {
        "\(GapText.percent(ratePercent)) %/yr vs Carbon Law \(GapText.percent(carbonLawRatePercent)) %/yr, "
            + "fair share \(GapText.percent(fairShareRatePercent.lowerBound))-\(GapText.percent(fairShareRatePercent.upperBound)) %/yr, "
            + "Klimatkollen \(GapText.percent(klimatkollenRatePercent)) %/yr"
    }
}
