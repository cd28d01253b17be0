import Foundation
import Testing

/// One gap as `klimatnav gaps --format json` prints it.
struct GapJSON: Decodable, Hashable {
    var id: String
    var kind: String
    var parties: [String]
    var levels: [String]
    var topic: String
    var summary: String
    var evidence: [String]
    var recommendation: String?
    var status: String
    var openedAt: String
    var resolvedAt: String?
}

/// One gap of the reviewed expected-output file.
struct ReviewedGap: Decodable {
    var id: String
    var kind: String
    var parties: [String]
    var summary: String
    var evidence: [String]
    var recommendation: String?
}

func gaps(_ db: String, _ extra: [String] = []) async throws -> [GapJSON] {
    let result = try await Klimatnav.run(["gaps", "--db", db, "--format", "json"] + extra)
    #expect(result.status == 0, "gaps failed: \(result.stderr)")
    return try JSONDecoder().decode([GapJSON].self, from: Data(result.stdout.utf8))
}

@Suite(.serialized, .timeLimit(.minutes(5))) struct RunCommandTests {
    @Test func runOnTheEmbeddedPlaybookPrintsTheGapsAndStoresThem() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("k.db")
        let result = try await Klimatnav.run(["run", "--db", db, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Klimatnav: Climate City Contract 2030 (as of October 2021)\n"), "the English title in English")
        #expect(result.stdout.contains("Database: \(db)"))
        let stored = try await gaps(db)
        #expect(!stored.isEmpty)
        #expect(stored.allSatisfy { $0.status == "open" && $0.resolvedAt == nil && !$0.summary.isEmpty })
        #expect(stored.allSatisfy { $0.recommendation != nil }, "every gap carries its response")
        // The summary line per kind agrees with the database.
        for kind in Set(stored.map(\.kind)) {
            let count = stored.filter { $0.kind == kind }.count
            #expect(result.stdout.contains("\(kind) (\(count))"), "summary for \(kind)")
        }
        // The database holds exactly the reviewed findings of the gap engine for the seed.
        let reviewed = try JSONDecoder().decode(
            [ReviewedGap].self,
            from: Data(contentsOf: repositoryRoot.appendingPathComponent("Playbooks/expected/klimatkontrakt-2030.gaps.json")))
        #expect(stored.map(\.id) == reviewed.map(\.id))
        for (gap, expected) in zip(stored, reviewed) {
            #expect(
                gap.kind == expected.kind && gap.parties == expected.parties && gap.summary == expected.summary
                    && gap.evidence == expected.evidence && gap.recommendation == expected.recommendation, "\(gap.id)")
        }
        // Running again on the same database is safe: the same open gaps.
        let again = try await Klimatnav.run(["run", "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Set(try await gaps(db).map(\.id)) == Set(stored.map(\.id)))
    }

    @Test func filtersAndFormats() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("k.db")
        #expect(try await Klimatnav.run(["run", "--db", db]).status == 0)
        let all = try await gaps(db)
        let reporting = try await gaps(db, ["--kind", "reporting-gap"])
        #expect(reporting.map(\.id) == all.filter { $0.kind == "reporting-gap" }.map(\.id))
        let malmo = try await gaps(db, ["--party", "malmo"])
        #expect(!malmo.isEmpty && malmo.allSatisfy { $0.parties.contains("malmo") })
        let csv = try await Klimatnav.run(["gaps", "--db", db, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == all.count + 1)
        let table = try await Klimatnav.run(["gaps", "--db", db])
        #expect(table.stdout.contains("regional-hub-gap"))
        let badKind = try await Klimatnav.run(["gaps", "--db", db, "--kind", "nonsense"])
        #expect(badKind.status != 0)
        #expect(badKind.stderr.contains("unknown gap kind 'nonsense'"))
        let noDB = try await Klimatnav.run(["gaps", "--db", scratch.path("missing.db")])
        #expect(noDB.status == 1)
        #expect(noDB.stderr.contains("no database at"))
        let log = try await Klimatnav.run(["log", "--db", db, "--limit", "3"])
        #expect(log.stdout.split(separator: "\n").count == 3)
    }

    @Test func aWrongPlaybookIsReportedLikeACompilerError() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("bad.yaml")
        try """
        playbook: bad
        version: 1
        title: Bad
        asOf: 2021-10-01
        parties:
          - id: lund
            kind: municipality
            level: local
            name: Lund
        goals:
          - id: lund.g
            party: atlantis
            text: x
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await Klimatnav.run(["validate", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):12:"), "\(result.stderr)")
        #expect(result.stderr.contains("atlantis"))
        let run = try await Klimatnav.run(["run", file, "--db", scratch.path("x.db")])
        #expect(run.status == 1)
        #expect(try await Klimatnav.run(["validate"]).status == 0)
    }
}

/// `klimatnav run sverige`: the whole country, the national picture printed from the hub's database.
@Suite(.serialized, .timeLimit(.minutes(5))) struct SwedenRunTests {
    @Test func runSverigePrintsTheNationalPictureAndTheContractCities() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("sverige.db")
        let result = try await Klimatnav.run(["run", "sverige", "--db", db, "--durability", "normal", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("refused"), "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("National picture: 290 municipalities with emission inventories in 21 counties"))
        #expect(result.stdout.contains("least-squares slope of ln(territorial emissions)"))
        for county in ["Stockholms län", "Gotlands län", "Norrbottens län"] {
            #expect(result.stdout.contains("\n\(county) "), "row for \(county)")
        }
        for city in ["Göteborg", "Stockholm", "Malmö", "Lund", "Uppsala", "Umeå", "Växjö", "Järfälla", "Enköping"] {
            #expect(result.stdout.contains("\n  \(city): "), "contract city \(city)")
        }
        #expect(
            result.stdout.contains(
                "- consumption-based climate impact near zero by 2030: consumption-based (scope 3): not comparable with territorial data\n")
        )
        #expect(result.stdout.contains("not comparable with territorial data (covers the municipal organisation, not the territory)"))
        #expect(result.stdout.contains("DELIVERY GAP"))
        #expect(result.stdout.contains("No goal known (14)"))
        let stored = try await gaps(db, ["--kind", "delivery-gap"])
        #expect(stored.contains { $0.id == "delivery-gap:goteborg.near-zero-2030-production" })
        #expect(stored.allSatisfy { $0.recommendation != nil })
        #expect(result.stdout.contains("Transport is 53 % of Enköping's emissions (2023)"), "English sector names in English")
    }

    /// In Swedish the national picture is Swedish too: words, sector names, decimal commas.
    @Test func runSverigeInSwedishPrintsTheNationalPictureInSwedish() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await Klimatnav.run(["run", "sverige", "--db", scratch.path("sv.db"), "--durability", "normal", "--lang", "sv"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("Den nationella bilden: 290 kommuner med utsläppsstatistik i 21 län"))
        #expect(text.contains("Så räknar vi: den observerade takten"))
        #expect(text.contains("Län                      Kommuner"))
        #expect(text.contains("- konsumtionsbaserad klimatpåverkan nära noll år 2030: inte jämförbart: konsumtionsbaserat (scope 3)"))
        #expect(text.contains("inte jämförbart: gäller kommunen som organisation, inte kommunen som geografiskt område"))
        #expect(text.contains("LEVERANSGLAPP"))
        #expect(text.contains("Inget känt mål (14)"))
        #expect(text.contains(", största sektor Transporter 53 %"))
        let national = String(text[text.range(of: "Den nationella bilden")!.lowerBound...])
        for english in ["observed", "required", "not comparable", "DELIVERY GAP", "No goal known", " of ", "%/yr", "largest sector"] {
            #expect(!national.contains(english), "English '\(english)' in the Swedish national picture")
        }
        #expect(national.range(of: #"[0-9]\.[0-9] %/år"#, options: .regularExpression) == nil, "decimal point instead of comma")
    }
}
