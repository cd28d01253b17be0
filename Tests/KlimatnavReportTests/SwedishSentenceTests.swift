import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavReport
import Testing

/// Every gap of the seed, and of a synthetic national playbook, reads as a Swedish sentence:
/// no ids or keys, no English words, and (for the seed) the reviewed text of
/// `Playbooks/expected/klimatkontrakt-2030.gaps.sv.txt`.
@Suite struct SwedishSentenceTests {
    static let expectedFile = Support.root.appendingPathComponent("Playbooks/expected/klimatkontrakt-2030.gaps.sv.txt")

    /// `gap id<TAB>Swedish sentence`, one gap a line, in the engine's order.
    static func lines(_ model: ReportModel) -> [String] {
        model.openGaps.map { "\($0.gap.id)\t\(GapSentence.text($0.gap, in: model.state, Catalogue(.sv)))" }
    }

    /// Words that give away an English template or a leaked key.
    static let english = [" the ", " and ", " is ", " has ", " no ", " goal ", "needs", "roadmap", "barrier", "scope3", "section ", "'s "]

    /// The sentence without the parties' own texts (”…”): those are quoted as the party sent
    /// them (in English until the playbook carries Swedish texts), the rest is the template's.
    static func templateWords(_ sentence: String) -> String {
        var out = ""
        var quoted = false
        for character in sentence {
            if character == "”" { quoted.toggle(); out.append("”"); continue }
            if !quoted { out.append(character) }
        }
        return out
    }

    static func problems(_ gap: Gap, _ sentence: String, _ state: WorldState) -> [String] {
        var found: [String] = []
        let padded = " " + templateWords(sentence).lowercased() + " "
        for word in english where padded.contains(word) { found.append("English '\(word.trimmingCharacters(in: .whitespaces))'") }
        // No id of a goal, roadmap or barrier, and no `kind:` key.
        for id in Array(state.goals.keys) + Array(state.roadmaps.keys) + Array(state.barriers.keys)
        where id.contains(".") || id.contains("-") {
            if templateWords(sentence).contains(id) { found.append("id '\(id)'") }
        }
        if sentence.contains("goal:") || sentence.contains("roadmap:") || sentence.contains("{") { found.append("a key or placeholder") }
        if gap.topic.contains("-"), templateWords(sentence).contains(gap.topic) { found.append("the topic key '\(gap.topic)'") }
        if sentence.contains("ss mål") || sentence.contains("xs ") { found.append("genitive with a double s") }
        if !sentence.hasSuffix(".") && !sentence.hasSuffix("”") { found.append("no full stop") }
        return found
    }

    @Test func seedSentencesEqualTheReviewedFile() throws {
        let model = try Support.seedModel()
        let actual = Self.lines(model).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["KLIMATNAV_WRITE_EXPECTED"] == "1" {
            try actual.write(to: Self.expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.expectedFile, encoding: .utf8)
        #expect(actual == expected, "Swedish gap sentences changed; review them and rewrite the file with KLIMATNAV_WRITE_EXPECTED=1")
    }

    @Test func everySeedSentenceIsSwedishWithNoKeys() throws {
        let model = try Support.seedModel()
        for record in model.openGaps {
            let sentence = GapSentence.text(record.gap, in: model.state, Catalogue(.sv))
            #expect(
                Self.problems(record.gap, sentence, model.state).isEmpty,
                "\(record.gap.id): \(sentence): \(Self.problems(record.gap, sentence, model.state))")
        }
    }

    @Test func everySyntheticSentenceIsSwedishWithNoKeys() async throws {
        // Half a minute in a debug build: off the cooperative pool (``onOwnThread(_:)``).
        let (kinds, failures) = try await onOwnThread {
            let state = try SyntheticPlaybook.generate(seed: 7).state()
            var kinds = Set<GapKind>()
            var failures: [String] = []
            for gap in GapEngine().gaps(in: state) {
                kinds.insert(gap.kind)
                let sentence = GapSentence.text(gap, in: state, Catalogue(.sv))
                let problems = Self.problems(gap, sentence, state)
                if !problems.isEmpty { failures.append("\(gap.id): \(sentence): \(problems)") }
            }
            return (kinds, failures)
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
        #expect(kinds.count >= 5, "the synthetic playbook exercises \(kinds.count) kinds")
    }

    @Test func genitiveAndLevelsReadAsSwedish() {
        #expect(SwedishWords.genitive("Borås") == "Borås")
        #expect(SwedishWords.genitive("Lund") == "Lunds")
        #expect(SwedishWords.genitive("Växjö") == "Växjös")
        #expect(SwedishWords.levelPhrase(.eu) == "EU-nivå")
        #expect(SwedishWords.levelPhrase(.national) == "nationell nivå")
    }
}
