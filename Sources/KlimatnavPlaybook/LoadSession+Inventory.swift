import KlimatnavCore
import Yams

extension LoadSession {
    /// An `emission.inventory` body: `{ party, year, reportedBy, sectors: [{ sector, tonnes }], source? }`.
    func readInventory(_ node: Node) -> EmissionInventory? {
        clean {
            guard
                let r = YAMLRecord(
                    node, "the body of 'emission.inventory'", keys: ["party", "year", "reportedBy", "sectors", "source"], reader: reader)
            else { return nil }
            let party = r.required("party").flatMap { partyRef($0, "party") }
            let year = r.required("year").flatMap { reader.year($0, "year") }
            let reportedBy = r.required("reportedBy").flatMap { partyRef($0, "reportedBy") }
            let sectors = r.required("sectors").flatMap { reader.sequence($0, "sectors", readSectorEmission) }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let party, let year, let reportedBy, let sectors else { return nil }
            let inventory = EmissionInventory(party: party, year: year, reportedBy: reportedBy, sectors: sectors, source: source)
            if let problem = inventory.problem {
                reader.error(
                    .invalidValue, at: node.mark, "expected an inventory with each sector once and tonnes 0 to 1e12, found: \(problem)")
                return nil
            }
            return inventory
        }
    }

    private func readSectorEmission(_ node: Node) -> SectorEmission? {
        guard let r = YAMLRecord(node, "a sector entry", keys: ["sector", "tonnes"], reader: reader) else { return nil }
        let sector = r.required("sector").flatMap { reader.enumeration($0, "sector", EmissionSector.self) }
        let tonnes = r.required("tonnes").flatMap { reader.number($0, "tonnes", in: 0...1e12, "tonnes CO2e a year, 0 to 1e12") }
        guard let sector, let tonnes else { return nil }
        return SectorEmission(sector: sector, tonnes: tonnes)
    }
}
