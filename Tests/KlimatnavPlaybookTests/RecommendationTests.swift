import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// The report's recommendations in `Playbooks/responses.yaml`: titles verbatim from the
/// report, every seed gap answered by one, and no recommendation naming a party or place the
/// gap is not about.
@Suite struct RecommendationTests {
    static func responses() throws -> ResponsePlaybook {
        try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses)
    }

    @Test func titlesAreVerbatimFromTheReport() throws {
        let text = FactCitation.normalise(try String(contentsOf: CitationTests.report, encoding: .utf8))
        let recommendations = try Self.responses().recommendations
        #expect(recommendations.count >= 45)
        #expect(Set(recommendations.map(\.id)).count == recommendations.count, "ids are unique")
        for recommendation in recommendations {
            #expect(text.contains(FactCitation.normalise(recommendation.title)), "\(recommendation.id): title not in the report")
            #expect(recommendation.action == nil || !recommendation.appliesTo.isEmpty, "\(recommendation.id): an action answers some gap")
        }
    }

    @Test func everySeedGapIsAnsweredByTheReport() throws {
        let responses = try Self.responses()
        for gap in try SeedFindingsTests.findings() {
            #expect(!responses.reportRecommendations(for: gap).isEmpty, "\(gap.id) has no recommendation of the report")
            #expect(gap.recommendation?.contains("(report ") == true, "\(gap.id): \(gap.recommendation ?? "none")")
        }
    }

    @Test func noRecommendationNamesAPartyOrPlaceTheGapIsNotAbout() throws {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let municipalities = playbook.parties.filter { $0.kind == .municipality || $0.kind == .regionalHub }
        let places = ["Skåne", "Västerbotten", "Upplands-Bro", "Norra Djurgårdsstaden"]
        for gap in try SeedFindingsTests.findings() {
            let text = gap.recommendation ?? ""
            for party in municipalities where !gap.parties.contains(party.id) {
                #expect(!text.contains(party.name), "\(gap.id) names \(party.name): \(text)")
            }
            for place in places { #expect(!text.contains(place), "\(gap.id) names \(place): \(text)") }
        }
    }

    @Test func selectorsMatchKindTopicAndIDEnds() {
        let gap = Gap(
            id: "reporting-gap:viable-cities:3.8", kind: .reportingGap, parties: [], levels: [], topic: "3.8", summary: "", evidence: [])
        #expect(ReportRecommendation.Selector(kind: .reportingGap, idSuffix: ":3.8").matches(gap))
        #expect(!ReportRecommendation.Selector(kind: .reportingGap, idSuffix: ":3.8", exceptIDSuffix: "viable-cities:3.8").matches(gap))
        #expect(!ReportRecommendation.Selector(kind: .definitionGap).matches(gap))
        #expect(!ReportRecommendation.Selector(kind: .reportingGap, topic: "adaptation").matches(gap))
    }
}
