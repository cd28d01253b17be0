import KlimatnavCore
import Testing

@testable import KlimatnavReport

/// The diff's sentences in each language: what parties wrote appears in the page's language
/// where they gave it (else in their Swedish), and no English word is left in a Swedish line.
@Suite struct RevisionDiffLanguageTests {
    static let agency = Party(
        id: "energimyndigheten", kind: .agency, level: .national, name: "Energimyndigheten", nameEn: "Swedish Energy Agency")
    static let hub = Party(id: "skane", kind: .regionalHub, level: .regional, name: "Region Skåne")

    static func states() throws -> (old: WorldState, new: WorldState) {
        let roadmap = Roadmap(
            id: "rm.steel", owner: "energimyndigheten", name: "Färdplan för stål", level: .industry,
            milestones: [Milestone(year: 2030, text: "Halverade utsläpp")], nameEn: "Steel roadmap")
        let barrier = RegulatoryBarrier(
            id: "energy-system-boundary", title: "Systemgränsen för energi", changeLevel: .national, reportedBy: ["lund"],
            titleEn: "The energy system boundary")
        let old = try WorldState(applying: [
            .partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lunds kommun", nameEn: "Lund Municipality")),
            .partyRegistered(agency), .partyRegistered(hub), .roadmapPublished(roadmap), .barrierReported(barrier),
        ])
        var changed = roadmap
        changed.milestones.append(Milestone(year: 2035, text: "Fossilfri produktion"))
        let new = try WorldState(applying: [
            .partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lunds kommun", nameEn: "Lund Municipality")),
            .partyRegistered(agency), .partyRegistered(hub), .roadmapPublished(changed), .barrierReported(barrier),
            .barrierAssigned(barrierID: "energy-system-boundary", agency: "energimyndigheten"),
            .membershipJoined(Membership(hub: "skane", member: "lund")),
        ])
        return (old, new)
    }

    static func lines(_ language: Language) throws -> [String] {
        let (old, new) = try states()
        return RevisionDiff.changes(
            old: old, new: new, c: Catalogue(language), normalizer: GoalNormalizer(configuration: GapConfiguration())
        ).map(\.text)
    }

    @Test func englishLinesUseTheEnglishTextsPartiesGave() throws {
        let lines = try Self.lines(.en).joined(separator: "\n")
        #expect(lines.contains("Steel roadmap"))
        #expect(lines.contains("milestones 1 → 2"))
        #expect(lines.contains("The energy system boundary"))
        #expect(lines.contains("Swedish Energy Agency"))
        // Without an English name, the Swedish one stands in.
        #expect(lines.contains("Region Skåne"))
        for swedish in ["Färdplan för stål", "Systemgränsen", "Energimyndigheten"] { #expect(!lines.contains(swedish), "\(swedish)") }
    }

    @Test func swedishLinesUseTheSwedishTextsAndNoEnglishWords() throws {
        let lines = try Self.lines(.sv).joined(separator: "\n")
        #expect(lines.contains("Färdplan för stål"))
        #expect(lines.contains("milstolpar 1 → 2"))
        #expect(lines.contains("Systemgränsen för energi"))
        #expect(lines.contains("Energimyndigheten"))
        for english in ["Steel roadmap", "milestones", "energy system boundary", "Energy Agency"] {
            #expect(!lines.contains(english), "\(english)")
        }
    }
}
