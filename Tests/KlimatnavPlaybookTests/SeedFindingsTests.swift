import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// The gap engine's findings on the Klimatkontrakt 2030 playbook, checked against the
/// reviewed file `Playbooks/expected/klimatkontrakt-2030.gaps.json`.
///
/// When a rule or the seed changes on purpose, regenerate the file with
/// `KLIMATNAV_UPDATE_EXPECTED=1 swift test --filter SeedFindingsTests`, read the diff as a
/// coordinator would, and commit it with the change.
@Suite struct SeedFindingsTests {
    static let file = DocumentationTests.root.appendingPathComponent("Playbooks/expected/klimatkontrakt-2030.gaps.json")

    static func findings() throws -> [Gap] {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let responses = playbook.quoting(try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses))
        let state = try playbook.state(through: nil)
        return GapEngine(playbook: responses).gaps(in: state)
    }

    static func encode(_ gaps: [Gap]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(gaps) + Data("\n".utf8)
    }

    @Test func theEngineFindsWhatTheReviewedFileSays() throws {
        let found = try Self.findings()
        if ProcessInfo.processInfo.environment["KLIMATNAV_UPDATE_EXPECTED"] == "1" {
            try Self.encode(found).write(to: Self.file)
        }
        let expected = try JSONDecoder().decode([Gap].self, from: Data(contentsOf: Self.file))
        #expect(found.map(\.id) == expected.map(\.id), "the set of gaps changed")
        for (gap, reviewed) in zip(found, expected) where gap != reviewed {
            Issue.record("gap \(gap.id) differs from the reviewed file:\nfound    \(gap)\nexpected \(reviewed)")
        }
    }

    @Test func theFindingsCoverWhatTheReportNames() throws {
        let found = try Self.findings()
        func has(_ kind: GapKind, _ parties: Set<PartyID>, topic: String? = nil) -> Bool {
            found.contains { $0.kind == kind && parties.isSubset(of: Set($0.parties)) && (topic == nil || $0.topic.contains(topic!)) }
        }
        // 4.5: Göteborg's governance gaps at national level.
        for topic in ["transport-electrification", "ccs-infrastructure", "hydrogen-infrastructure", "industrial-services"] {
            #expect(has(.governanceGap, ["goteborg"], topic: topic), "governance gap \(topic)")
        }
        // The energy-system boundary at a single building: a policy-lab candidate.
        #expect(has(.policyLabCandidate, [], topic: "energy-system-boundary"))
        // 4.8: Enköping and Uppsala describe nothing under 3.8.
        #expect(found.contains { $0.id == "reporting-gap:enkoping:3.8" })
        #expect(found.contains { $0.id == "reporting-gap:uppsala:3.8" })
        // 4.7: Malmö has no 3.7 section.
        #expect(has(.regionalHubGap, ["malmo"]))
        // 4.1: Enköping's goal words have no number.
        #expect(found.contains { $0.kind == .definitionGap && $0.parties == ["enkoping"] && $0.id.hasSuffix(":no-number") })
        // Nothing about the reference levels' own definitions.
        #expect(!found.contains { $0.kind == .definitionGap && ($0.parties.contains("sweden") || $0.parties.contains("eu")) })
        // Every gap carries its response, and evidence that quotes the report.
        #expect(found.allSatisfy { $0.recommendation != nil })
        for gap in found {
            #expect(gap.evidence.contains { $0.contains(" in the report: \"") }, "\(gap.id) quotes nothing of the report")
        }
        // The review's findings are found (report lines in Playbooks/README.md).
        for id in [
            "reporting-gap:viable-cities:adaptation", "regional-hub-gap:viable-cities:section-purpose",
            "reporting-gap:viable-cities:3.8", "definition-gap:viable-cities.climate-neutral-cities-2030:no-shared-definition",
            "governance-gap:framework-law:national", "reporting-gap:viable-cities:scope3-indicator",
        ] {
            #expect(found.contains { $0.id == id }, "missing \(id)")
        }
        // And its artefacts are gone.
        #expect(!found.contains { $0.levels.contains(.eu) && $0.kind == .governanceGap })
        #expect(!found.contains { $0.kind == .roadmapMisalignment })
        #expect(!found.contains { $0.id.hasSuffix(":scope3-indicator") && $0.id != "reporting-gap:viable-cities:scope3-indicator" })
    }
}
