import Foundation
import KlimatnavCore

/// The Sweden data set (`Playbooks/data/sweden/`, sources in its SOURCES.md): SCB's counties and
/// municipalities, each municipality's climate plan, programme membership, and territorial
/// emissions per municipality, sector and year.
public struct SwedenData: Sendable {
    public struct County: Hashable, Sendable {
        public var code: String
        public var name: String
    }

    public struct Municipality: Hashable, Sendable {
        /// SCB's four-digit code: the stable key.
        public var code: String
        public var name: String
        public var countyCode: String
        public var climatePlanYear: Int?
        public var climatePlanTitle: String?
        public var climatePlanURL: String?
    }

    public struct ProgrammeMember: Hashable, Sendable {
        /// `klimatkontrakt-2030` or `eu-cities-mission`.
        public var programme: String
        /// `municipality` or `agency`.
        public var kind: String
        public var name: String
        public var municipalityCode: String?
        public var since: Int?
        public var source: String
    }

    public var counties: [County]
    public var municipalities: [Municipality]
    public var programmes: [ProgrammeMember]
    /// Tonnes CO2e by municipality code, sector and year.
    public var emissions: [String: [EmissionSector: [Int: Double]]]

    /// The four file names, as in `Playbooks/data/sweden/`.
    public static let files = (
        counties: "counties.csv", municipalities: "municipalities.csv", programmes: "programmes.csv",
        emissions: "emissions-by-sector.csv"
    )

    /// Reads the four files from `directory`.
    public static func load(from directory: URL) throws(PlaybookError) -> SwedenData {
        func read(_ name: String) throws(PlaybookError) -> (String, String) {
            let url = directory.appendingPathComponent(name)
            do {
                return (try String(contentsOf: url, encoding: .utf8), url.path)
            } catch {
                throw CSVTable.error(url.path, 1, "expected a readable UTF-8 file, found \(error.localizedDescription)")
            }
        }
        let (counties, countiesFile) = try read(files.counties)
        let (municipalities, municipalitiesFile) = try read(files.municipalities)
        let (programmes, programmesFile) = try read(files.programmes)
        let (emissions, emissionsFile) = try read(files.emissions)
        return try parse(
            counties: CSVTable(text: counties, file: countiesFile),
            municipalities: CSVTable(text: municipalities, file: municipalitiesFile),
            programmes: CSVTable(text: programmes, file: programmesFile),
            emissions: CSVTable(text: emissions, file: emissionsFile))
    }

    /// The data compiled into the binary (`EmbeddedPlaybooks`).
    public static func embedded() throws(PlaybookError) -> SwedenData {
        try parse(
            counties: CSVTable(text: EmbeddedPlaybooks.swedenCounties, file: "data/sweden/counties.csv (embedded)"),
            municipalities: CSVTable(text: EmbeddedPlaybooks.swedenMunicipalities, file: "data/sweden/municipalities.csv (embedded)"),
            programmes: CSVTable(text: EmbeddedPlaybooks.swedenProgrammes, file: "data/sweden/programmes.csv (embedded)"),
            emissions: CSVTable(text: EmbeddedPlaybooks.swedenEmissions, file: "data/sweden/emissions-by-sector.csv (embedded)"))
    }

    static func parse(
        counties: CSVTable, municipalities: CSVTable, programmes: CSVTable, emissions: CSVTable
    ) throws(PlaybookError) -> SwedenData {
        func year(_ text: String, _ table: CSVTable, _ line: Int, _ column: String) throws(PlaybookError) -> Int? {
            if text.isEmpty { return nil }
            guard let value = Int(text), (1900...2200).contains(value) else {
                throw CSVTable.error(table.file, line, "expected a year in 1900-2200 or nothing for '\(column)', found '\(text)'")
            }
            return value
        }
        let cc = try counties.column("county_code")
        let cn = try counties.column("name")
        let countyList = counties.rows.map { County(code: $0.fields[cc], name: $0.fields[cn]) }
        let countyCodes = Set(countyList.map(\.code))

        let mc = try municipalities.column("municipality_code")
        let mn = try municipalities.column("name")
        let mcc = try municipalities.column("county_code")
        let my = try municipalities.column("climate_plan_year")
        let mt = try municipalities.column("climate_plan_title")
        let mu = try municipalities.column("climate_plan_url")
        var municipalityList: [Municipality] = []
        var seenCodes = Set<String>()
        for (line, f) in municipalities.rows {
            let code = f[mc]
            guard code.count == 4, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber), seenCodes.insert(code).inserted else {
                throw CSVTable.error(municipalities.file, line, "expected a new four-digit SCB code, found '\(code)'")
            }
            guard countyCodes.contains(f[mcc]), code.hasPrefix(f[mcc]) else {
                throw CSVTable.error(
                    municipalities.file, line,
                    "expected a county code from counties.csv that begins the municipality code \(code), found '\(f[mcc])'")
            }
            municipalityList.append(
                Municipality(
                    code: code, name: f[mn], countyCode: f[mcc],
                    climatePlanYear: try year(f[my], municipalities, line, "climate_plan_year"),
                    climatePlanTitle: f[mt].isEmpty ? nil : f[mt], climatePlanURL: f[mu].isEmpty ? nil : f[mu]))
        }

        let pp = try programmes.column("programme")
        let pk = try programmes.column("member_kind")
        let pm = try programmes.column("member")
        let pc = try programmes.column("municipality_code")
        let ps = try programmes.column("since")
        let src = try programmes.column("source")
        var members: [ProgrammeMember] = []
        for (line, f) in programmes.rows {
            guard f[pk] == "municipality" || f[pk] == "agency" else {
                throw CSVTable.error(programmes.file, line, "expected 'municipality' or 'agency' for 'member_kind', found '\(f[pk])'")
            }
            if f[pk] == "municipality", !seenCodes.contains(f[pc]) {
                throw CSVTable.error(programmes.file, line, "expected a municipality code from municipalities.csv, found '\(f[pc])'")
            }
            members.append(
                ProgrammeMember(
                    programme: f[pp], kind: f[pk], name: f[pm], municipalityCode: f[pc].isEmpty ? nil : f[pc],
                    since: try year(f[ps], programmes, line, "since"), source: f[src]))
        }

        let ec = try emissions.column("municipality_code")
        let es = try emissions.column("sector")
        var years: [(column: Int, year: Int)] = []
        for (i, name) in emissions.header.enumerated() where i != ec && i != es {
            guard let year = Int(name), (1900...2200).contains(year) else {
                throw CSVTable.error(emissions.file, 1, "expected a year as column name, found '\(name)'")
            }
            years.append((i, year))
        }
        var byCode: [String: [EmissionSector: [Int: Double]]] = [:]
        for (line, f) in emissions.rows {
            guard seenCodes.contains(f[ec]) else {
                throw CSVTable.error(emissions.file, line, "expected a municipality code from municipalities.csv, found '\(f[ec])'")
            }
            guard let sector = EmissionSector(swedishName: f[es]) else {
                throw CSVTable.error(
                    emissions.file, line,
                    "expected one of \(EmissionSector.allCases.map(\.swedishName).joined(separator: "; ")) for 'sector', found '\(f[es])'")
            }
            var series: [Int: Double] = [:]
            for (column, year) in years {
                guard let tonnes = Double(f[column]), tonnes.isFinite, tonnes >= 0 else {
                    throw CSVTable.error(
                        emissions.file, line, "expected tonnes CO2e (a number, 0 or more) for \(year), found '\(f[column])'")
                }
                series[year] = tonnes
            }
            guard byCode[f[ec], default: [:]][sector] == nil else {
                throw CSVTable.error(emissions.file, line, "expected each municipality and sector once, found \(f[ec]) '\(f[es])' again")
            }
            byCode[f[ec], default: [:]][sector] = series
        }
        return SwedenData(counties: countyList, municipalities: municipalityList, programmes: members, emissions: byCode)
    }
}
