/// One sector's emissions in an inventory, in tonnes CO2-equivalent per year.
public struct SectorEmission: Codable, Hashable, Sendable {
    public var sector: EmissionSector
    public var tonnes: Double

    public init(sector: EmissionSector, tonnes: Double) {
        self.sector = sector
        self.tonnes = tonnes
    }
}
