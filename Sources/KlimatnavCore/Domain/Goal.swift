/// A climate goal as a party states it, with everything needed to compare it with others.
///
/// A goal names a number (a cut, a per-capita level, an annual rate, a budget), or a goal word,
/// or both; ``form`` says which. Scopes follow the GHG Protocol for Communities; `nil` scopes
/// means the party did not say.
public struct Goal: Codable, Hashable, Sendable, Identifiable {
    /// Unique id, by convention `party.slug` (for example `goteborg.near-zero-2030`).
    public var id: String
    public var party: PartyID
    public var orientation: GoalOrientation
    public var area: GoalArea
    /// The district's or area's name where `area` is `district`.
    public var areaName: String?
    /// GHG scopes covered (1, 2, 3); `nil` when unstated.
    public var scopes: [Int]?
    /// Scope 1 covers only energy and transport (not agriculture, refrigerants, ...).
    public var scope1EnergyOnly: Bool?
    public var word: GoalWord?
    /// A cut in percent (80 means -80 %) against `baseYear`.
    public var reductionPercent: Double?
    public var baseYear: Int?
    /// A level in tonnes CO2e per inhabitant and year.
    public var perCapitaTonnes: Double?
    /// An annual reduction rate in percent of the previous year, from `rateFromYear`.
    public var annualRatePercent: Double?
    public var rateFromYear: Int?
    /// A total carbon budget in tonnes CO2e.
    public var carbonBudgetTonnes: Double?
    public var basis: GoalBasis
    public var targetYear: Int?
    /// The sector the goal is about (for example `construction`, `energy`); `nil` for all.
    public var sector: String?
    public var status: GoalStatus
    /// The id of the goal this one is an interim target of.
    public var interimOf: String?
    /// Whether the party has a plan for carbon storage / negative emissions.
    public var carbonStoragePlan: Bool?
    /// The goal as the party states it, in Swedish (the source's language).
    public var text: String
    /// The same in English; `nil` when only the Swedish text exists.
    public var textEn: String?
    public var source: String?

    public init(
        id: String, party: PartyID, orientation: GoalOrientation = .geographic,
        area: GoalArea = .municipality, areaName: String? = nil, scopes: [Int]? = nil,
        scope1EnergyOnly: Bool? = nil, word: GoalWord? = nil, reductionPercent: Double? = nil,
        baseYear: Int? = nil, perCapitaTonnes: Double? = nil, annualRatePercent: Double? = nil,
        rateFromYear: Int? = nil, carbonBudgetTonnes: Double? = nil, basis: GoalBasis = .unstated,
        targetYear: Int? = nil, sector: String? = nil, status: GoalStatus = .adopted,
        interimOf: String? = nil, carbonStoragePlan: Bool? = nil, text: String = "",
        source: String? = nil, textEn: String? = nil
    ) {
        self.textEn = textEn
        self.id = id
        self.party = party
        self.orientation = orientation
        self.area = area
        self.areaName = areaName
        self.scopes = scopes
        self.scope1EnergyOnly = scope1EnergyOnly
        self.word = word
        self.reductionPercent = reductionPercent
        self.baseYear = baseYear
        self.perCapitaTonnes = perCapitaTonnes
        self.annualRatePercent = annualRatePercent
        self.rateFromYear = rateFromYear
        self.carbonBudgetTonnes = carbonBudgetTonnes
        self.basis = basis
        self.targetYear = targetYear
        self.sector = sector
        self.status = status
        self.interimOf = interimOf
        self.carbonStoragePlan = carbonStoragePlan
        self.text = text
        self.source = source
    }

    /// The goal's form: a number wins over a word; among numbers, the most specific.
    public var form: GoalForm {
        if reductionPercent != nil { return .percentCut }
        if annualRatePercent != nil { return .annualRate }
        if perCapitaTonnes != nil { return .perCapitaLevel }
        if carbonBudgetTonnes != nil { return .carbonBudget }
        return .goalWord
    }

    /// Whether the goal covers scope 3 (consumption-based emissions).
    public var coversScope3: Bool { scopes?.contains(3) ?? false }
}
