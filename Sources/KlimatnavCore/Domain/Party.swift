/// A party to the climate contracts: a municipality, an agency, a regional hub, an industry
/// roadmap owner, the programme coordinator, or a reference level (Sweden, the EU).
public struct Party: Codable, Hashable, Sendable, Identifiable {
    public var id: PartyID
    public var kind: PartyKind
    public var level: Level
    /// Display name, with Swedish characters (for example "Göteborg", "Umeå").
    public var name: String
    /// The name in English where it differs (for example "Sweden" for "Sverige"); `nil`: the same.
    public var nameEn: String?
    /// County or region, where it applies (for example "Uppsala län").
    public var region: String?
    /// Inhabitants, where known.
    public var population: Int?
    /// Reporting platforms the party reports to (for example "cdp", "eu-covenant-of-mayors").
    public var reportingPlatforms: [String]
    /// Where the facts come from (a section of the source report).
    public var source: String?

    public init(
        id: PartyID, kind: PartyKind, level: Level, name: String, region: String? = nil,
        population: Int? = nil, reportingPlatforms: [String] = [], source: String? = nil, nameEn: String? = nil
    ) {
        self.nameEn = nameEn
        self.id = id
        self.kind = kind
        self.level = level
        self.name = name
        self.region = region
        self.population = population
        self.reportingPlatforms = reportingPlatforms
        self.source = source
    }
}
