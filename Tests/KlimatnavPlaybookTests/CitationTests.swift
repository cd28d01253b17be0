import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// `quote:` and `external:` on facts: the loader's checks, the YAML round trip, and the seed
/// playbook's quotes against the report's text (`Playbooks/sources/viable-cities-2021-7.txt`).
@Suite struct CitationTests {
    static let report = DocumentationTests.root.appendingPathComponent("Playbooks/sources/viable-cities-2021-7.txt")

    static let small = """
        playbook: cited
        version: 1
        title: "Cited"
        asOf: 2021-10-19
        parties:
          - { id: malmo, kind: municipality, name: "Malmö", quote: "3.5 Malmö stad" }
          - { id: sweden, kind: reference, level: national, name: "Sweden", external: true, source: "climate policy framework" }
        goals:
          - id: malmo.minus-70
            party: malmo
            reductionPercent: 70
            baseYear: 1990
            targetYear: 2030
            quote:
              - "ha minskat med 70%"
              - "Malmö som geografiskt område"
        """

    @Test func quotesAndExternalMarksLoadAndRoundTrip() throws {
        let playbook = try PlaybookLoader.load(yaml: Self.small)
        #expect(playbook.citations[FactRef(.parties, 0)] == FactCitation(quotes: ["3.5 Malmö stad"]))
        #expect(playbook.citations[FactRef(.parties, 1)] == FactCitation(external: true))
        #expect(playbook.citations[FactRef(.goals, 0)]?.quotes == ["ha minskat med 70%", "Malmö som geografiskt område"])
        let again = try PlaybookLoader.load(yaml: try playbook.yaml())
        #expect(again == playbook)
        // The wire message of a cited fact carries no quote.
        #expect(
            try PlaybookLoader.load(yaml: Self.small.replacingOccurrences(of: ", quote: \"3.5 Malmö stad\"", with: "")).parties
                == playbook.parties)
    }

    @Test func badCitationsAreReportedWhereTheyAre() {
        let bad = Self.small
            .replacingOccurrences(of: "external: true, source: \"climate policy framework\"", with: "external: true")
            .replacingOccurrences(of: "quote: \"3.5 Malmö stad\"", with: "quote: [1, {a: b}]")
        let messages = PlaybookLoader.diagnose(yaml: bad, file: "p.yaml").map(\.description)
        #expect(messages.contains { $0.hasPrefix("p.yaml:6:") && $0.contains("expected text for 'quote'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("p.yaml:7:") && $0.contains("expected 'source' beside 'external: true'") }, "\(messages)")
        // A timeline body is a wire message: it takes no quote.
        let timeline =
            Self.small + """

                timeline:
                  - at: 2022-01-01
                    from: malmo
                    message: goal
                    body: { id: malmo.x, party: malmo, word: fossil-free, targetYear: 2030, quote: "x y z" }
                """
        #expect(PlaybookLoader.diagnose(yaml: timeline).contains { $0.code == .unknownKey && $0.message.contains("'quote'") })
    }

    @Test func normalisingFoldsEveryRunOfWhitespace() {
        #expect(FactCitation.normalise("  a\t b\n\nc\u{00A0}d ") == "a b c d")
    }

    /// Every fact of the seed has a quote found verbatim in the report, or says it is external.
    @Test func everySeedFactIsQuotedFromTheReport() throws {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let text = FactCitation.normalise(try String(contentsOf: Self.report, encoding: .utf8))
        var counts: [FactRef.Section: Int] = [:]
        counts[.parties] = playbook.parties.count
        counts[.memberships] = playbook.memberships.count
        counts[.goals] = playbook.goals.count
        counts[.commitments] = playbook.commitments.count
        counts[.roadmaps] = playbook.roadmaps.count
        counts[.investmentAreas] = playbook.investmentAreas.count
        counts[.claims] = playbook.claims.count
        counts[.barriers] = playbook.barriers.count
        counts[.policyLabs] = playbook.policyLabs.count
        var checked = 0
        for section in FactRef.Section.allCases {
            for index in 0..<(counts[section] ?? 0) {
                let fact = FactRef(section, index)
                guard let citation = playbook.citations[fact], !citation.isEmpty else {
                    Issue.record("\(fact) has neither a quote nor 'external: true'")
                    continue
                }
                for quote in citation.quotes {
                    checked += 1
                    #expect(text.contains(FactCitation.normalise(quote)), "\(fact): quote not in the report: \(quote)")
                }
            }
        }
        #expect(checked > 100)
    }

    /// The external facts are exactly the ones the README lists as outside the report.
    @Test func externalSeedFactsNameTheirSource() throws {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        for (fact, citation) in playbook.citations where citation.external {
            let source: String? =
                switch fact.section {
                case .goals: playbook.goals[fact.index].source
                case .roadmaps: playbook.roadmaps[fact.index].source
                case .parties: playbook.parties[fact.index].source
                default: "other"
                }
            #expect(source?.contains("outside the report") == true, "\(fact): \(source ?? "no source")")
        }
    }
}
