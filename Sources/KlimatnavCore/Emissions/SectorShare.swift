/// A sector's share of a party's emissions in one inventory.
public struct SectorShare: Hashable, Sendable {
    public var sector: EmissionSector
    public var tonnes: Double
    /// 0...1.
    public var share: Double

    /// The sectors of `inventory`, largest first (sectors with no emissions left out).
    public static func shares(of inventory: EmissionInventory) -> [SectorShare] {
        let total = inventory.totalTonnes
        guard total > 0 else { return [] }
        return inventory.sectors.filter { $0.tonnes > 0 }
            .map { SectorShare(sector: $0.sector, tonnes: $0.tonnes, share: $0.tonnes / total) }
            .sorted { $0.tonnes == $1.tonnes ? $0.sector < $1.sector : $0.tonnes > $1.tonnes }
    }
}
