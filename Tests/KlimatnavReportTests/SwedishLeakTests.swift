import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavReport
import KlimatnavStore
import Testing

/// The Swedish report (HTML and Markdown) of the seed and of a synthetic national playbook
/// contains no English: every word a person reads is checked against the 200 most common
/// English words (minus those that are also Swedish words) and the domain's own English words
/// (kinds, levels, statuses, units). Identifiers in `<code>` (HTML) and backticks (Markdown)
/// are keys, not prose, and are skipped; so are a few names that exist only in English.
@Suite struct SwedishLeakTests {
    /// The 200 most common English words, less those that are also Swedish words or common in
    /// Swedish text: a, all, as, back, be, by, for, form, get, hand, I, in, it, just, kind,
    /// land, man, men, most, must, part, still, turn, ask.
    static let commonEnglish: Set<String> = [
        "the", "of", "and", "to", "is", "you", "that", "he", "was", "on", "are", "with", "his", "they", "at",
        "this", "have", "from", "or", "one", "had", "word", "but", "not", "what", "were", "we", "when", "your",
        "can", "said", "there", "use", "an", "each", "which", "she", "do", "how", "their", "if", "will", "up",
        "other", "about", "out", "many", "then", "them", "these", "so", "some", "her", "would", "make", "like",
        "him", "into", "time", "has", "look", "two", "more", "write", "go", "see", "number", "no", "way", "could",
        "people", "my", "than", "first", "water", "been", "call", "who", "oil", "its", "now", "find", "long",
        "down", "day", "did", "come", "made", "may", "over", "new", "sound", "take", "only", "little", "work",
        "know", "place", "year", "live", "me", "give", "very", "after", "thing", "our", "name", "good",
        "sentence", "think", "say", "great", "where", "help", "through", "much", "before", "line", "right",
        "too", "mean", "old", "any", "same", "tell", "boy", "follow", "came", "want", "show", "also", "around",
        "three", "small", "set", "put", "end", "does", "another", "well", "large", "big", "even", "such",
        "because", "here", "why", "went", "read", "need", "different", "home", "us", "move", "try", "picture",
        "again", "change", "off", "play", "spell", "air", "away", "animal", "house", "point", "page", "letter",
        "mother", "answer", "found", "study", "learn", "should", "america", "world",
    ]

    /// English words of the domain that a Swedish page must say in Swedish (not those that are
    /// Swedish too: plan, status, transport, budget, neutral, regional, organisation).
    static let domainEnglish: Set<String> = [
        "goal", "goals", "roadmap", "roadmaps", "barrier", "barriers", "municipality", "municipalities",
        "agency", "agencies", "coordinator", "reference", "national", "local", "industry", "eu-level",
        "reported", "acknowledged", "assigned", "resolved", "described", "absent", "proposed", "adopted",
        "climate", "emissions", "sweden", "inhabitant", "inhabitants", "years", "days", "level", "levels",
        "target", "section", "summary", "evidence", "recommendation", "gap", "gaps", "none", "unknown",
        "construction", "energy", "heating", "electricity", "agriculture", "forestry", "waste",
        "hub", "network", "unstated", "absolute", "district", "city",
        "fossil-free", "free", "near", "zero", "against", "cut", "rate", "pace", "report",
    ]

    /// Names that exist only in English in the source (the report quotes them so).
    static let englishOnlyNames = [
        "One Planet City Challenge", "Greater Copenhagen Green Charter", "GreenTech Village", "BioFuel Region",
        "Sustainable Småland", "Future by Lund", "Digital Impact North", "Green Capital Network", "Energy Cities",
        "European Green Leaf Network", "Earth Week", "Viable Cities", "Urban Futures", "Mistra Urban Futures",
        "European City Facility", "Climate City Contracts", "Climate City Contract", "Smart City", "Social Progress Index",
        "Climate-KIC", "Carbon Law", "Digital Demo Stockholm", "Lund Climate Alliance",
    ]

    /// The words of `text` a reader reads: tags, `<code>`, `<style>` and backtick spans removed.
    static func readableWords(_ text: String) -> [String] {
        prose(text, entities: true, names: englishOnlyNames).lowercased().split { !($0.isLetter || $0 == "-") }.map(String.init)
            .flatMap { word in word.contains("-") && !domainEnglish.contains(word) ? word.split(separator: "-").map(String.init) : [word] }
    }

    /// `text` with what a reader does not read replaced by a space each: `<style>` and `<code>`
    /// elements, backtick spans within a line, tags, with `entities` character references
    /// (`&amp;`, `&#160;`), and `names`. One pass over the bytes: the regular expressions and
    /// replacements it stands for took two minutes on the synthetic report in a debug build,
    /// holding a test thread all along.
    static func prose(_ text: String, entities: Bool, names: [String] = []) -> String {
        let bytes = Array(text.utf8)
        let namesByFirstByte = Dictionary(grouping: names.map { Array($0.utf8) }, by: { $0[0] })
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func startsWith(_ needle: [UInt8], at index: Int) -> Bool {
            guard index + needle.count <= bytes.count else { return false }
            for offset in needle.indices where bytes[index + offset] != needle[offset] { return false }
            return true
        }
        /// The index just past the first `pattern` at or after `start`, or nil.
        func end(of pattern: String, from start: Int, stopAtNewline: Bool = false) -> Int? {
            let needle = Array(pattern.utf8)
            var at = start
            while at + needle.count <= bytes.count {
                if stopAtNewline && bytes[at] == UInt8(ascii: "\n") { return nil }
                if bytes[at] == needle[0] && startsWith(needle, at: at) { return at + needle.count }
                at += 1
            }
            return nil
        }
        func entityEnd(at index: Int) -> Int? {
            var at = index + 1
            let numeric = at < bytes.count && bytes[at] == UInt8(ascii: "#")
            if numeric { at += 1 }
            let first = at
            while at < bytes.count,
                numeric
                    ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at])
                    : (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[at])
            {
                at += 1
            }
            return at > first && at < bytes.count && bytes[at] == UInt8(ascii: ";") ? at + 1 : nil
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var skipTo: Int?
            if byte == UInt8(ascii: "<") {
                if startsWith(Array("<style>".utf8), at: index) {
                    skipTo = end(of: "</style>", from: index)
                } else if startsWith(Array("<code>".utf8), at: index) {
                    skipTo = end(of: "</code>", from: index)
                }
                if skipTo == nil { skipTo = end(of: ">", from: index + 1) }
            } else if byte == UInt8(ascii: "`") {
                skipTo = end(of: "`", from: index + 1, stopAtNewline: true)
            } else if entities && byte == UInt8(ascii: "&") {
                skipTo = entityEnd(at: index)
            } else if let candidates = namesByFirstByte[byte],
                let name = candidates.first(where: { startsWith($0, at: index) })
            {
                skipTo = index + name.count
            }
            if let skipTo {
                out.append(UInt8(ascii: " "))
                index = skipTo
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The English words found in `text`, with their counts.
    static func leaks(_ text: String) -> [String: Int] {
        var found: [String: Int] = [:]
        for word in readableWords(text) where commonEnglish.contains(word) || domainEnglish.contains(word) {
            found[word, default: 0] += 1
        }
        return found
    }

    /// Decimal points in numbers a person reads ("11.72 %", "1.5 t"): Swedish uses a comma.
    static func decimalPoints(_ text: String) -> [String] {
        let prose = prose(text, entities: false)
        let regex = try! NSRegularExpression(pattern: "[0-9]+\\.[0-9]+ ?(%|t |ton|Mt|kt)")
        return regex.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)).compactMap {
            Range($0.range, in: prose).map { String(prose[$0]) }
        }
    }

    static func seedModel() throws -> ReportModel {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let responses = try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses)
        let state = try playbook.state()
        let gaps = GapEngine(playbook: responses).gaps(in: state).map {
            GapRecord(gap: $0, status: "open", openedAt: Date(timeIntervalSince1970: 1_633_046_400), resolvedAt: nil)
        }
        return ReportModel(state: state, openGaps: gaps, generatedAt: Date(timeIntervalSince1970: 1_640_995_200))
    }

    static func syntheticModel() throws -> ReportModel {
        let responses = try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses)
        let state = try SyntheticPlaybook.generate(seed: 7).state()
        let gaps = GapEngine(playbook: responses).gaps(in: state).map {
            GapRecord(gap: $0, status: "open", openedAt: Date(timeIntervalSince1970: 1_633_046_400), resolvedAt: nil)
        }
        return ReportModel(state: state, openGaps: gaps, generatedAt: Date(timeIntervalSince1970: 1_640_995_200))
    }

    /// Each leak with its count and the words around its first occurrence.
    static func describe(_ leaks: [String: Int], in text: String) -> String {
        let words = readableWords(text)
        return leaks.sorted { $0.value > $1.value }.map { leak in
            let at = words.firstIndex(of: leak.key) ?? 0
            let context = words[max(0, at - 4)..<min(words.count, at + 5)].joined(separator: " ")
            return "\(leak.key) ×\(leak.value) (“\(context)”)"
        }.joined(separator: ", ")
    }

    @Test func theWordListsCatchEnglishAndPassSwedish() {
        #expect(
            Self.leaks("<p>The goal of the municipality is not stated.</p>").keys.sorted() == [
                "goal", "is", "municipality", "not", "of", "the",
            ])
        #expect(Self.leaks("<p>Kommunen har inget mål i avsnitt 3.7 för 2030, men men all klimatpåverkan ska vara nära noll.</p>").isEmpty)
        #expect(Self.leaks("<li><code>goal:lund.minus-80-2030</code></li> `roadmap:x`").isEmpty)
        #expect(Self.decimalPoints("11.72 % och 1.5 t CO2e") == ["11.72 %", "1.5 t "])
        #expect(Self.decimalPoints("11,72 % och avsnitt 3.7").isEmpty)
        #expect(
            Self.prose(
                "a<style>p{}</style>b<code>x y</code>c<i>d</i>`e f`g &amp;h&#160;i `j\nk` Viable Cities!", entities: true,
                names: ["Viable Cities"])
                == "a b c d  g  h i `j\nk`  !")
    }

    /// What the test checks of one model's reports, computed in one go.
    struct Findings: Sendable {
        var gapCount: Int
        var htmlLeaks: String?
        var markdownLeaks: String?
        var htmlDecimalPoints: [String]
        var markdownDecimalPoints: [String]
        var englishLeakCount: Int
    }

    /// Renders and scans the reports of the seed or the synthetic playbook (``onOwnThread(_:)``:
    /// the synthetic one takes about a minute in a debug build).
    static func findings(_ which: String) async throws -> Findings {
        try await onOwnThread {
            let model = which == "seed" ? try seedModel() : try syntheticModel()
            let html = HTMLReport(model: model, language: .sv).render()
            let markdown = MarkdownReport(model: model, language: .sv).render()
            let htmlLeaks = leaks(html), markdownLeaks = leaks(markdown)
            return Findings(
                gapCount: model.openGaps.count, htmlLeaks: htmlLeaks.isEmpty ? nil : describe(htmlLeaks, in: html),
                markdownLeaks: markdownLeaks.isEmpty ? nil : describe(markdownLeaks, in: markdown),
                htmlDecimalPoints: Array(decimalPoints(html).prefix(10)), markdownDecimalPoints: Array(decimalPoints(markdown).prefix(10)),
                englishLeakCount: leaks(HTMLReport(model: model, language: .en).render()).count)
        }
    }

    @Test(arguments: ["seed", "synthetic"])
    func swedishReportHasNoEnglish(_ which: String) async throws {
        let found = try await Self.findings(which)
        #expect(found.gapCount > 0)
        #expect(found.htmlLeaks == nil, "English in the Swedish HTML report of the \(which): \(found.htmlLeaks ?? "")")
        #expect(found.markdownLeaks == nil, "English in the Swedish Markdown report of the \(which): \(found.markdownLeaks ?? "")")
        #expect(found.htmlDecimalPoints.isEmpty, "decimal points in the \(which) HTML: \(found.htmlDecimalPoints)")
        #expect(found.markdownDecimalPoints.isEmpty, "decimal points in the \(which) Markdown: \(found.markdownDecimalPoints)")
        // The same scan finds the English of the English report, so it is not blind.
        #expect(found.englishLeakCount > 20)
    }
}
