import Foundation
import KlimatnavCore

/// The `sverige` playbook: the hand-written `Playbooks/sverige.yaml` completed from the Sweden
/// data (``SwedenData``): every municipality and county, programme membership, climate plans,
/// and the emission inventories the statistics agency sends.
public enum SwedenPlaybook {
    /// The playbook id that triggers the completion.
    public static let id = "sverige"
    /// Where the inventories come from, as they say on the wire.
    public static let emissionsSource = "Nationella emissionsdatabasen (SMHI för Naturvårdsverket), via Klimatkollen"

    /// The embedded playbook and data.
    public static func loadEmbedded() throws(PlaybookError) -> Playbook {
        let base = try PlaybookLoader.load(yaml: EmbeddedPlaybooks.sverige, file: EmbeddedPlaybooks.sverigeFile + " (embedded)")
        return try build(base: base, data: SwedenData.embedded())
    }

    /// The playbook at `url` completed from `data/sweden/` beside it.
    public static func load(contentsOf url: URL) throws(PlaybookError) -> Playbook {
        let base = try PlaybookLoader.load(contentsOf: url)
        let directory = url.deletingLastPathComponent().appendingPathComponent("data/sweden")
        return try build(base: base, data: SwedenData.load(from: directory))
    }

    /// A party id from a name: lower case, å/ä → a, ö → o, é → e, other letters folded to
    /// ASCII, runs of anything else → `-`.
    public static func foldedID(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-"), !out.isEmpty {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Party ids by SCB code: a municipality listed in `base` under the same name keeps its id;
    /// the others get ``foldedID(_:)``, with `-<code>` for every name that folds like another
    /// (Habo 0643 and Håbo 0305: `habo-0643`, `habo-0305`) or like a party of `base`.
    public static func municipalityIDs(_ data: SwedenData, base: Playbook) -> [String: PartyID] {
        let byName = Dictionary(
            base.parties.filter { $0.kind == .municipality }.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        var ids: [String: PartyID] = [:]
        var folded: [String: [String]] = [:]
        for m in data.municipalities {
            if let id = byName[m.name] { ids[m.code] = id } else { folded[foldedID(m.name), default: []].append(m.code) }
        }
        let taken = Set(base.parties.map(\.id.rawValue))
        for (name, codes) in folded {
            for code in codes {
                let text = codes.count > 1 || taken.contains(name) ? "\(name)-\(code)" : name
                ids[code] = PartyID(text) ?? PartyID("kommun-\(code)")!
            }
        }
        return ids
    }

    /// The county's party id: its folded name (`stockholms-lan`).
    public static func countyID(_ county: SwedenData.County) -> PartyID {
        PartyID(foldedID(county.name)) ?? PartyID("lan-\(county.code)")!
    }

    /// `base` with the data added: parties, memberships, climate plans (roadmaps) and the
    /// inventories (timeline entries at `asOf`, from the statistics agency).
    public static func build(base: Playbook, data: SwedenData) throws(PlaybookError) -> Playbook {
        func fail(_ message: String) -> PlaybookError {
            PlaybookError([.init(code: .invalidValue, file: "sverige", line: 1, column: 1, message: message)])
        }
        var book = base
        let ids = municipalityIDs(data, base: base)
        let counties = Dictionary(uniqueKeysWithValues: data.counties.map { ($0.code, $0) })
        let known = Set(base.parties.map(\.id))
        for county in data.counties where !known.contains(countyID(county)) {
            book.parties.append(
                Party(
                    id: countyID(county), kind: .regionalHub, level: .regional, name: county.name,
                    source: "SCB Län och kommuner 2023, county \(county.code)"))
        }
        for m in data.municipalities {
            let id = ids[m.code]!
            let region = counties[m.countyCode]?.name
            if let i = book.parties.firstIndex(where: { $0.id == id }) {
                if book.parties[i].region == nil { book.parties[i].region = region }
            } else {
                book.parties.append(
                    Party(
                        id: id, kind: .municipality, level: .local, name: m.name, region: region,
                        source: "SCB Län och kommuner 2023, kommun \(m.code)"))
            }
            if let county = counties[m.countyCode] {
                book.memberships.append(Membership(hub: countyID(county), member: id))
            }
            if let year = m.climatePlanYear {
                book.roadmaps.append(
                    Roadmap(
                        id: "\(id).climate-plan", owner: id, name: m.climatePlanTitle ?? "Klimatplan", level: .local,
                        milestones: [Milestone(year: year, text: "klimatplan antagen", textEn: "climate plan adopted")], signatories: [id],
                        source: "Klimatkollen's review of climate plans\(m.climatePlanURL.map { ": \($0)" } ?? "")"))
            }
        }
        // Programme membership: the hub is the programme's coordinator party.
        let hubs = ["klimatkontrakt-2030": base.coordinator, "eu-cities-mission": PartyID("eu-cities-mission")]
        let agencies = Dictionary(
            base.parties.filter { $0.kind == .agency }.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for member in data.programmes {
            guard let hub = hubs[member.programme] ?? nil, known.contains(hub) else {
                throw fail("expected a coordinator party in sverige.yaml for programme '\(member.programme)', found none")
            }
            let id: PartyID?
            if member.kind == "agency" {
                id = agencies[member.name]
            } else {
                id = member.municipalityCode.flatMap { ids[$0] }
            }
            guard let id else {
                throw fail("expected '\(member.name)' of \(member.programme) among the parties, found no such \(member.kind)")
            }
            book.memberships.append(Membership(hub: hub, member: id))
        }
        // The inventories, sent by the statistics agency.
        guard let statistics = base.claims.first(where: { $0.topic == EmissionInventory.statisticsTopic })?.party else {
            throw fail("expected a claim on topic '\(EmissionInventory.statisticsTopic)' naming the statistics agency, found none")
        }
        for m in data.municipalities {
            guard let sectors = data.emissions[m.code] else { continue }
            let years = Set(sectors.values.flatMap(\.keys)).sorted()
            for year in years {
                let entries = sectors.keys.sorted().map { SectorEmission(sector: $0, tonnes: sectors[$0]?[year] ?? 0) }
                let inventory = EmissionInventory(
                    party: ids[m.code]!, year: year, reportedBy: statistics, sectors: entries, source: emissionsSource)
                book.timeline.append(TimelineEntry(at: base.asOf, from: statistics, event: .inventoryReported(inventory)))
            }
        }
        return book
    }
}
