/// The nine sectors of Nationella emissionsdatabasen's territorial emissions per municipality
/// (SMHI for Naturvårdsverket). Ids are English kebab-case; ``swedishName`` is the database's
/// own label.
public enum EmissionSector: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case electricityAndHeating = "electricity-and-heating"
    case industry
    case transport
    case workMachinery = "work-machinery"
    case ownHeating = "own-heating"
    case agriculture
    case waste
    case productUse = "product-use"
    case internationalTransport = "international-transport"

    /// The database's label ("Industri (energi + processer)").
    public var swedishName: String {
        switch self {
        case .electricityAndHeating: "El och fjärrvärme"
        case .industry: "Industri (energi + processer)"
        case .transport: "Transporter"
        case .workMachinery: "Arbetsmaskiner"
        case .ownHeating: "Egen uppvärmning av bostäder och lokaler"
        case .agriculture: "Jordbruk"
        case .waste: "Avfall (inkl.avlopp)"
        case .productUse: "Produktanvändning (inkl. lösningsmedel)"
        case .internationalTransport: "Utrikes transporter"
        }
    }

    /// The sector's name in English, for English texts ("Industry (energy and processes)").
    public var englishName: String {
        switch self {
        case .electricityAndHeating: "Electricity and district heating"
        case .industry: "Industry (energy and processes)"
        case .transport: "Transport"
        case .workMachinery: "Work machinery"
        case .ownHeating: "Own heating of homes and premises"
        case .agriculture: "Agriculture"
        case .waste: "Waste (incl. sewage)"
        case .productUse: "Product use (incl. solvents)"
        case .internationalTransport: "International transport"
        }
    }

    /// The sector with the database's label `name`, if any.
    public init?(swedishName name: String) {
        guard let sector = Self.allCases.first(where: { $0.swedishName == name }) else { return nil }
        self = sector
    }

    /// The levels whose instruments mostly decide the sector's emissions, first the main one:
    /// industry and large power and heat plants are under the EU emissions trading system;
    /// transport and work machinery under national instruments (reduction obligation, vehicle
    /// rules); agriculture under the EU's farm policy and national rules; heating of one's own
    /// buildings and waste largely under municipal planning and utilities.
    public var actingLevels: [Level] {
        switch self {
        case .industry: [.eu, .industry]
        case .electricityAndHeating: [.eu, .local]
        case .transport: [.national, .eu]
        case .workMachinery: [.national]
        case .ownHeating: [.local, .national]
        case .agriculture: [.eu, .national]
        case .waste: [.local]
        case .productUse: [.eu]
        case .internationalTransport: [.eu]
        }
    }

    /// The instrument that decides the sector, in a few words, for evidence.
    public var instrument: String {
        switch self {
        case .industry: "EU emissions trading and the industry's roadmaps"
        case .electricityAndHeating: "EU emissions trading and the local energy company"
        case .transport: "national instruments (reduction obligation, vehicle and fuel rules)"
        case .workMachinery: "national instruments (fuel rules)"
        case .ownHeating: "municipal planning and national building rules"
        case .agriculture: "the EU's farm policy and national rules"
        case .waste: "municipal waste and sewage utilities"
        case .productUse: "EU chemicals and F-gas rules"
        case .internationalTransport: "EU and international rules"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: EmissionSector, rhs: EmissionSector) -> Bool { lhs.order < rhs.order }
}
