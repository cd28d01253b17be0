import Foundation
import Testing

@testable import KlimatnavCore

@Suite struct StableIDAndPlaybookTests {
    @Test func sameGapFoundTwiceHasTheSameID() throws {
        let parties: [DomainEvent] = [
            Fx.municipality("stockholm", "Stockholm"), Fx.municipality("lund", "Lund"),
            Fx.municipality("malmo", "Malmö"),
        ]
        let first =
            parties + [
                .barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["stockholm", "lund"]))
            ]
        let second =
            parties + [
                .barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["malmo"])),
                .barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["lund", "stockholm"])),
            ]
        let a = try #require(try Fx.gaps(.policyLabCandidate, first).first)
        let b = try #require(try Fx.gaps(.policyLabCandidate, second).first)
        #expect(a.id == b.id)
        #expect(a.evidence != b.evidence)
        // Areas raised in another order give the same gap, evidence included.
        let areas: [DomainEvent] = [
            .investmentAreaRaised(InvestmentArea(id: "x", party: "lund", topic: "h2", title: "Hydrogen", needsLevels: [.national])),
            .investmentAreaRaised(InvestmentArea(id: "y", party: "malmo", topic: "h2", title: "Hydrogen", needsLevels: [.national])),
        ]
        #expect(try Fx.gaps(.governanceGap, parties + areas) == Fx.gaps(.governanceGap, parties + areas.reversed()))
    }

    @Test func fullRecomputeIsSortedByKindThenID() throws {
        let gaps = GapEngine().gaps(
            in: try Fx.state([
                Fx.municipality("lund", "Lund"),
                .goalAsserted(Goal(id: "g", party: "lund", word: .climateSmart)),
            ]))
        #expect(gaps == gaps.sorted(by: GapEngine.order))
        #expect(Set(gaps.map(\.id)).count == gaps.count)
    }

    @Test func playbookRecommendation() throws {
        let engine = GapEngine(playbook: .standard)
        let events: [DomainEvent] = [
            Fx.municipality("goteborg", "Göteborg"),
            Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
            Fx.party("urban-futures", .regionalHub, .regional, "Urban Futures"),
            .investmentAreaRaised(
                InvestmentArea(id: "h", party: "goteborg", topic: "h2", title: "Hydrogen", needsLevels: [.national, .regional])),
        ]
        let gaps = try Fx.gaps(.governanceGap, events, engine: engine)
        #expect(gaps.count == 2)
        let national = try #require(gaps.first { $0.levels.contains(.national) })
        #expect(
            national.recommendation
                == "Viable Cities with the signing agencies should name the national party responsible for the topic in a multi-level dialogue (report section 4.5)."
        )
        let regional = try #require(gaps.first { !$0.levels.contains(.national) })
        #expect(regional.recommendation?.hasPrefix("Viable Cities should convene") == true)
        #expect(ResponsePlaybook(responses: []).recommendation(for: national) == nil)
    }

    @Test func playbookCodable() throws {
        let data = try JSONEncoder().encode(ResponsePlaybook.standard)
        #expect(try JSONDecoder().decode(ResponsePlaybook.self, from: data) == .standard)
        let list = #"[{"kind":"policy-lab-candidate","level":"eu","who":"The Commission","nextStep":"open a lab."}]"#
        let decoded = try JSONDecoder().decode(ResponsePlaybook.self, from: Data(list.utf8))
        #expect(decoded.responses == [.init(kind: .policyLabCandidate, level: .eu, who: "The Commission", nextStep: "open a lab.")])
        let gap = Gap(id: "x", kind: .policyLabCandidate, parties: [], levels: [.local, .eu], topic: "b", summary: "", evidence: [])
        #expect(decoded.recommendation(for: gap) == "The Commission should open a lab.")
    }
}

@Suite struct EvidenceQuoteTests {
    @Test func evidenceQuotesTheSourceOncePerFact() {
        let playbook = ResponsePlaybook(responses: [], quotes: ["goal:g": ["ett", "två"]])
        #expect(
            playbook.quoting(["goal:g", "goal:g covers scope 3", "goal:h"]) == [
                "goal:g", "goal:g in the report: \"ett\" … \"två\"", "goal:g covers scope 3", "goal:h",
            ])
        #expect(ResponsePlaybook(responses: []).quoting(["goal:g"]) == ["goal:g"])
    }
}
