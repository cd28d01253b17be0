/// A party's emission inventory for one year: territorial emissions per sector, in tonnes
/// CO2-equivalent, as reported by `reportedBy`.
///
/// The official inventory comes from the national statistics responsibility (Naturvårdsverket,
/// whose database SMHI produces), or from the coordinator as a correction. A municipality may
/// send its own inventory (`reportedBy` = `party`): it is kept apart and compared, never mixed
/// into the official figures (``WorldState/ownInventories``).
public struct EmissionInventory: Codable, Hashable, Sendable {
    /// The responsibility topic an agency claims to be the statistics party.
    public static let statisticsTopic = "emission-statistics"

    public var party: PartyID
    public var year: Int
    /// Who reports it: the statistics agency, the coordinator, or the party itself.
    public var reportedBy: PartyID
    /// One entry per sector, each sector at most once.
    public var sectors: [SectorEmission]
    /// Where the figures come from ("Nationella emissionsdatabasen 2025").
    public var source: String?

    public init(party: PartyID, year: Int, reportedBy: PartyID, sectors: [SectorEmission], source: String? = nil) {
        self.party = party
        self.year = year
        self.reportedBy = reportedBy
        self.sectors = sectors
        self.source = source
    }

    /// Whether the party reports its own emissions (kept apart from the official inventory).
    public var isOwn: Bool { reportedBy == party }

    /// The sum over the sectors, in tonnes CO2e.
    public var totalTonnes: Double { sectors.reduce(0) { $0 + $1.tonnes } }

    /// Tonnes of one sector (0 when not listed).
    public func tonnes(_ sector: EmissionSector) -> Double {
        sectors.first { $0.sector == sector }?.tonnes ?? 0
    }

    /// What is wrong with the inventory's values, or `nil`: a year outside 1900-2200, a
    /// sector twice, a negative or non-finite figure, no sector at all.
    public var problem: String? {
        if !(1900...2200).contains(year) { return "inventory of '\(party)' has year \(year), outside 1900-2200" }
        if sectors.isEmpty { return "inventory of '\(party)' for \(year) lists no sector" }
        var seen = Set<EmissionSector>()
        for entry in sectors {
            if !seen.insert(entry.sector).inserted {
                return "inventory of '\(party)' for \(year) lists sector '\(entry.sector.rawValue)' twice"
            }
            if !entry.tonnes.isFinite || entry.tonnes < 0 || entry.tonnes > 1e12 {
                return "inventory of '\(party)' for \(year) has \(entry.tonnes) tonnes for '\(entry.sector.rawValue)', expected 0 to 1e12"
            }
        }
        return nil
    }
}
