/// The goal words municipalities use instead of (or beside) a number.
///
/// The report (section 4.1) reads some words as numbers: `nearZero` is a 90 % cut against 1990.
/// `fossilFree` is not the same as `renewable` (nuclear is fossil-free, not renewable), and
/// `climateNeutral` / `climatePositive` rely on negative emissions, so they need a
/// carbon-storage plan. Their order of strength is configurable: see ``GoalWordOrdering``.
public enum GoalWord: String, Codable, Sendable, CaseIterable {
    case climateSmart = "climate-smart"
    case reducedConsumptionImpact = "reduced-consumption-impact"
    case wellOnTheWay = "well-on-the-way"
    case fossilFree = "fossil-free"
    case renewable = "renewable"
    case nearZero = "near-zero"
    case zero = "zero"
    case climateNeutral = "climate-neutral"
    case noNegativeImpact = "no-negative-impact"
    case climatePositive = "climate-positive"

    /// The cut against 1990, in percent, that the word stands for where the report gives one;
    /// `nil` for words that carry no number (climate-smart and the consumption phrases).
    public var impliedCutPercent: Double? {
        switch self {
        case .nearZero: 90
        case .fossilFree, .renewable, .zero, .climateNeutral, .noNegativeImpact: 100
        case .climatePositive: 100
        case .climateSmart, .reducedConsumptionImpact, .wellOnTheWay: nil
        }
    }

    /// Whether the report calls the word hard to interpret ("svårtytt", report 4.1): "no
    /// negative climate impact" reads as no emissions at all, yet is ranked below
    /// climate-neutral in its Table 4.1.1.
    public var isAmbiguous: Bool { self == .noNegativeImpact }

    /// Whether reaching the word relies on negative emissions (and so needs a storage plan).
    public var reliesOnNegativeEmissions: Bool {
        self == .climateNeutral || self == .climatePositive
    }
}
