import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import Testing

@testable import KlimatnavReport

/// The county and municipality pages over the real `sverige` state (290 municipalities, their
/// inventories), and over the seed, which has no inventories.
@Suite struct EmissionPagesTests {
    static let sweden: ReportModel = {
        let state = try! SwedenPlaybook.loadEmbedded().state()
        return ReportModel(state: state, openGaps: [], generatedAt: Date(timeIntervalSince1970: 1_770_000_000))
    }()

    func count(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    @Test func municipalityChartStacksTheSectorsOfItsInventories() throws {
        let model = Self.sweden
        let html = HTMLReport(model: model, language: .sv).partySection("goteborg")
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"emissions\" data-party=\"goteborg\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
        let parsed = try #require(XMLCollector.parse(svg))
        #expect(parsed.error == nil)
        #expect(svg.contains("<title id=\"chart-goteborg-title\">Utsläpp per sektor i Göteborg 1990–2023"))
        #expect(svg.contains("<desc id=\"chart-goteborg-desc\">"))
        #expect(svg.contains("aria-labelledby=\"chart-goteborg-title chart-goteborg-desc\""))
        // One area per sector that has emissions in some year, counted from the state itself.
        let book = try #require(model.state.inventories["goteborg"])
        let sectors = Set(book.values.flatMap { $0.sectors.filter { $0.tonnes > 0 }.map(\.sector) })
        #expect(parsed.elements.filter { $0.name == "path" && $0.attributes["class"] == "sector" }.count == sectors.count)
        // The table's 2023 total is the sum of Göteborg's 2023 sectors, in kilotonnes.
        let total2023 = try #require(book[2023]).sectors.reduce(0) { $0 + $1.tonnes }
        let c = Catalogue(.sv)
        let row = try #require(html.range(of: "<tr><th scope=\"row\">2023</th>"))
        let rowEnd = try #require(html.range(of: "</tr>", range: row.upperBound..<html.endIndex))
        #expect(html[row.upperBound..<rowEnd.lowerBound].hasSuffix("<td class=\"num\">\(c.number(total2023 / 1000, decimals: 1))</td>"))
        #expect(count(html, "<tr><th scope=\"row\">") >= book.count)
        // Its goals are held against its emissions.
        #expect(html.contains("<table class=\"paces\">"))
        for goal in model.state.goals(of: "goteborg") { #expect(html.contains("data-goal=\"\(goal.id)\""), "\(goal.id)") }
    }

    @Test func goalPathRunsFromTheLatestYearToTheGoalsLevel() throws {
        let model = Self.sweden
        let c = Catalogue(.en)
        let chart = try #require(EmissionsChart(party: "goteborg", in: model.state, catalogue: c))
        let latest = try #require(model.state.latestInventory(of: "goteborg"))
        #expect(chart.latestYear == latest.year)
        #expect(abs(chart.latestTonnes - latest.totalTonnes) < 1e-6)
        let lines = chart.lines(c)
        let goals = lines.filter { $0.label.hasPrefix("Goal: ") }
        #expect(!goals.isEmpty)
        for (line, goal) in zip(goals, chart.goals) {
            let target = try #require(goal.pace.targetTonnes)
            let last = try #require(line.points.last)
            #expect(abs(last.tonnes - target) < 1e-6 * max(target, 1), "\(line.label)")
            if line.points.count > 1 { #expect(abs(line.points[0].tonnes - latest.totalTonnes) < 1e-6 * latest.totalTonnes) }
        }
        // Sweden's goal, held against Göteborg's emissions, ends at its level for Göteborg.
        let national = try #require(NationalPicture(state: model.state).municipalities.first { $0.party == "goteborg" }?.nationalPath)
        let withSweden = try #require(
            EmissionsChart(
                party: "goteborg", in: model.state, catalogue: c, national: .init(label: "Sweden", pace: national, national: true)))
        let sweden = try #require(withSweden.lines(c).first { $0.label == "Sweden" })
        let swedenTarget = try #require(national.targetTonnes)
        #expect(abs((sweden.points.last?.tonnes ?? 0) - swedenTarget) < 1e-6 * swedenTarget)
        #expect(sweden.points.last?.year == 2045)
        // The Carbon Law line: 7 % a year from the latest inventory.
        let law = try #require(lines.first { $0.label.hasPrefix("Carbon Law") })
        let five = try #require(law.points.first { $0.year == latest.year + 5 })
        #expect(abs(five.tonnes - latest.totalTonnes * pow(0.93, 5)) < 1e-6 * latest.totalTonnes)
    }

    @Test func countySectionListsEveryMemberAndCountsThoseOnTrack() throws {
        let model = Self.sweden
        let county: PartyID = "vastra-gotalands-lan"
        let members = model.state.members(of: county).filter { model.state.parties[$0]?.kind == .municipality }
        #expect(members.count == 49)
        let html = HTMLReport(model: model, language: .sv).partySection(county)
        #expect(count(html, "<tr data-party=") == members.count)
        #expect(html.contains("class=\"emissions\" data-party=\"county-vastra-gotalands-lan\""))
        // The summary's figures, counted here from the national picture's definitions.
        let picture = NationalPicture(state: model.state)
        let pictures = picture.municipalities.filter { members.contains($0.party) }
        let onPath = pictures.filter { $0.onTrackForNationalPath == true }.count
        let plans = pictures.filter(\.hasClimatePlan).count
        #expect(html.contains("\(onPath) av 49 kommuner minskar utsläppen tillräckligt snabbt för Sveriges mål."))
        let withGoal = pictures.filter { !model.state.goals(of: $0.party).isEmpty }.count
        #expect(html.contains("\(plans) av 49 har en klimatplan och \(withGoal) av 49 har minst ett känt mål."))
        #expect(withGoal == 1, "only Göteborg's goals are known in Västra Götaland")
    }

    @Test func nationalOverviewHasARowPerCountyAndTheContractCities() {
        let html = HTMLReport(model: Self.sweden, language: .en).emissions.nationalSection()
        #expect(count(html, "<tr data-county=") == 21)
        // Every county of the data has its tile on the map.
        #expect(count(html, "<g class=\"county\" data-county=") == 21)
        #expect(html.contains("<title id=\"county-map-title\">The counties: how fast emissions fall</title>"))
        #expect(html.contains("<tfoot><tr><th scope=\"row\">Sweden</th><td class=\"num\">290</td>"))
        #expect(html.contains("Klimatkontrakt") || html.contains("Viable Cities"))
        #expect(html.contains("data-party=\"goteborg\" data-goal=\"goteborg."))
    }

    @Test func markdownReportHasTheCountyTable() throws {
        let markdown = MarkdownReport(model: Self.sweden, language: .sv).render()
        #expect(markdown.contains("## Län och kommuner: utsläpp mot mål"))
        #expect(markdown.contains("\n| Västra Götalands län | 49 | "))
        #expect(count(markdown, " län | ") == 21)
        let seed = MarkdownReport(model: try Support.seedModel(), language: .en).render()
        #expect(seed.contains(HTML.markdown(Catalogue(.en)[.countiesNone])))
    }

    @Test func seedWithoutInventoriesSaysSoInsteadOfDrawing() throws {
        let model = try Support.seedModel()
        for language in Language.allCases {
            let report = HTMLReport(model: model, language: language)
            let c = Catalogue(language)
            let party = report.partySection("goteborg")
            #expect(party.contains(HTML.escape(c.format(.emissionsNone, "Göteborg"))))
            #expect(!party.contains("class=\"emissions\" data-party"))
            #expect(report.emissions.nationalSection().contains(HTML.escape(c[.countiesNone])))
            #expect(!report.emissions.nationalSection().contains("county-map"))
            let hub = report.partySection("stuns")
            #expect(hub.contains(HTML.escape(c[.countyNoEmissions])))
            #expect(hub.contains("<tr data-party=\"enkoping\">") && hub.contains("<tr data-party=\"uppsala\">"))
            #expect(!hub.contains("<svg"))
        }
    }

    @Test func everyPageKeyHasBothLanguagesWithTheSamePlaceholders() {
        for key in Catalogue.PageKey.allCases {
            let entry = Catalogue.entry(key)
            #expect(!entry.sv.isEmpty && !entry.en.isEmpty, "\(key)")
            for index in 0..<6 {
                #expect(entry.sv.contains("{\(index)}") == entry.en.contains("{\(index)}"), "\(key) placeholder {\(index)}")
            }
        }
        #expect(Catalogue(.sv).pace(4.14) == "\u{2212}4,1\u{00A0}%/år")
        #expect(Catalogue(.en).pace(-0.3) == "+0.3%/yr")
        #expect(Catalogue(.sv).kilotonnes(1_234_567) == "1235\u{00A0}kt")
        #expect(Catalogue(.sv).kilotonnes(12_345_678) == "12\u{00A0}346\u{00A0}kt")
    }

    @Test func reportHasLandmarksASkipLinkAndTheStatement() throws {
        let model = try Support.seedModel()
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ReportWriter.write(model, language: .sv, to: folder)
        let main = try String(contentsOf: written[0], encoding: .utf8)
        for part in [
            "<a class=\"skip\" href=\"#main\">Hoppa till innehållet</a>", "<main id=\"main\">", "<footer>", "href=\"tillganglighet.html\"",
            "<desc id=\"trajectory-all-desc\">", "<caption>",
        ] {
            #expect(main.contains(part), "\(part)")
        }
        let statement = try String(contentsOf: folder.appendingPathComponent("tillganglighet.html"), encoding: .utf8)
        #expect(statement.contains("<html lang=\"sv\">") && statement.contains("WCAG 2.1"))
        let party = try String(contentsOf: folder.appendingPathComponent("parties/goteborg.sv.html"), encoding: .utf8)
        #expect(party.contains("href=\"../tillganglighet.html\""))
    }
}
