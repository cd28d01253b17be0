import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// Texts a party asserts: `{sv: ..., en: ...}`, `{sv: ...}` or plain text (Swedish only), with
/// compiler-style errors for everything else (Playbooks/README.md, "Texts in two languages").
@Suite struct BilingualTextTests {
    static func replacing(_ fragment: String, with text: String) -> String {
        Fixtures.small(replacingLine: Fixtures.line(of: fragment), with: text)
    }

    @Test func bothLanguagesLoadIntoTheSwedishFieldAndItsTranslation() throws {
        let yaml = Self.replacing(
            "title: \"Energy system boundary", with: "    title: {sv: \"Systemgränsen för energi\", en: \"Energy system boundary\"}"
        )
        .replacingOccurrences(of: "name: \"Sweden\"", with: "name: {sv: Sverige, en: Sweden}")
        .replacingOccurrences(of: "summary: \"Follow-up system\"", with: "summary: {sv: \"Uppföljningssystem\"}")
        let playbook = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
        #expect(playbook.barriers[0].title == "Systemgränsen för energi")
        #expect(playbook.barriers[0].titleEn == "Energy system boundary")
        #expect(playbook.barriers[0].englishTitle == "Energy system boundary")
        let sweden = try #require(playbook.parties.first { $0.id == "sweden" })
        #expect(sweden.name == "Sverige" && sweden.nameEn == "Sweden")
        #expect(playbook.commitments[0].summary == "Uppföljningssystem" && playbook.commitments[0].summaryEn == nil)
        // Plain text is Swedish only: the English side falls back to it.
        let hydrogen = playbook.investmentAreas[0]
        #expect(hydrogen.title == "Hydrogen infrastructure" && hydrogen.titleEn == nil && hydrogen.englishTitle == hydrogen.title)
        // Written back in the same form, and read back the same.
        let again = try PlaybookLoader.load(yaml: try playbook.yaml(), file: "again.yaml")
        #expect(again.barriers[0].titleEn == "Energy system boundary")
        #expect(again.parties.first { $0.id == "sweden" }?.nameEn == "Sweden")
        #expect(again.commitments[0].summaryEn == nil)
    }

    @Test func onlyEnglishIsRefusedWithWhatToWrite() {
        let line = Fixtures.line(of: "title: \"Energy system boundary")
        let yaml = Fixtures.small(replacingLine: line, with: "    title: {en: \"Energy system boundary\"}")
        let diagnostics = Fixtures.diagnostics(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == line && diagnostics.first?.column == 12)
        #expect(diagnostics.first?.code == .missingKey)
        #expect(diagnostics.first?.message.contains("expected the Swedish text under 'sv' in 'title'") == true)
        #expect(diagnostics.first?.description.hasPrefix("test.yaml:\(line):12: error:") == true)
    }

    @Test func anUnknownLanguageOrAListIsRefused() {
        let line = Fixtures.line(of: "title: \"Energy system boundary")
        let unknown = Fixtures.diagnostics(
            Fixtures.small(replacingLine: line, with: "    title: {sv: \"Systemgräns\", de: \"Systemgrenze\"}"))
        #expect(unknown.count == 1)
        #expect(unknown.first?.code == .unknownKey && unknown.first?.line == line && unknown.first?.column == 32)
        #expect(unknown.first?.message.contains("expected 'sv' (Swedish) or 'en' (English) in the text of 'title', found 'de'") == true)
        let list = Fixtures.diagnostics(Fixtures.small(replacingLine: line, with: "    title: [\"Systemgräns\"]"))
        #expect(list.first?.code == .wrongType)
        #expect(list.first?.message == "expected text or {sv: \"...\", en: \"...\"} for 'title', found a list")
        let empty = Fixtures.diagnostics(Fixtures.small(replacingLine: line, with: "    title: {sv: \"\", en: \"x\"}"))
        #expect(empty.first?.message == "expected a Swedish text in 'title.sv', found an empty text")
    }

    @Test func theSeedHasEveryTextInBothLanguages() throws {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        var missing: [String] = []
        for goal in playbook.goals where goal.textEn == nil { missing.append("goal \(goal.id)") }
        for commitment in playbook.commitments where !commitment.summary.isEmpty && commitment.summaryEn == nil {
            missing.append("commitment \(commitment.party)/\(commitment.section.rawValue)")
        }
        for area in playbook.investmentAreas where area.titleEn == nil { missing.append("investment area \(area.id)") }
        for barrier in playbook.barriers where barrier.titleEn == nil || (barrier.instrument != nil && barrier.instrumentEn == nil) {
            missing.append("barrier \(barrier.id)")
        }
        for roadmap in playbook.roadmaps
        where roadmap.nameEn == nil && roadmap.name.contains(" ") && roadmap.name != "Färdplan Klimatpositivt Uppsala" {
            missing.append("roadmap \(roadmap.id)")
        }
        #expect(missing.isEmpty, "no English beside: \(missing)")
        #expect(playbook.parties.first { $0.id == "sweden" }?.name == "Sverige")
        // The Swedish texts are Swedish: none equals its English translation (proper names aside).
        let same = playbook.goals.filter { $0.text == $0.textEn }.map(\.id)
        #expect(same.isEmpty, "goal texts not translated: \(same)")
    }
}
