import Foundation
import KlimatnavCore
import Yams

/// Reads values out of a composed YAML tree, collecting a diagnostic for every problem instead
/// of stopping at the first. Each reader returns `nil` after reporting what was wrong.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [PlaybookError.Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var errorCount: Int { diagnostics.count }

    func error(_ code: PlaybookError.Code, at mark: Mark?, _ message: String) {
        diagnostics.append(
            .init(code: code, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    // MARK: Describing what was found

    /// A short description of a node for "found ..." (`'text'`, `the number 12`, `a list`).
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing" }
            let text = scalar.string.count > 60 ? String(scalar.string.prefix(57)) + "..." : scalar.string
            if scalar.style == .plain, Double(scalar.string) != nil { return text }
            return "'\(text)'"
        case .mapping(let mapping): return mapping.isEmpty ? "an empty mapping" : "a mapping (key: value pairs)"
        case .sequence(let sequence): return sequence.isEmpty ? "an empty list" : "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return isNull(scalar) }
        return false
    }

    // MARK: Scalars

    /// Text. Any non-null scalar counts (a plain `2030` is the text "2030").
    func text(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error(.wrongType, at: node.mark, "expected text for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A text a party asserts, in Swedish with an optional English translation: plain text
    /// (Swedish only) or a mapping `{sv: ..., en: ...}` whose `sv` is required and `en`
    /// optional. Anything else is reported with what to write instead.
    func bilingual(_ node: Node, _ key: String) -> (sv: String, en: String?)? {
        guard case .mapping(let mapping) = node else {
            if case .scalar = node { return text(node, key).map { ($0, nil) } }
            error(
                .wrongType, at: node.mark,
                "expected text or {sv: \"...\", en: \"...\"} for '\(key)', found \(Self.describe(node))")
            return nil
        }
        let before = errorCount
        var sv: String?, en: String?
        var svNode: Node?
        for (keyNode, value) in mapping {
            guard case .scalar(let language) = keyNode, ["sv", "en"].contains(language.string) else {
                error(
                    .unknownKey, at: keyNode.mark,
                    "expected 'sv' (Swedish) or 'en' (English) in the text of '\(key)', found \(Self.describe(keyNode)); write \(key): {sv: \"...\", en: \"...\"}"
                )
                continue
            }
            guard case .scalar(let scalar) = value, !Self.isNull(scalar) else {
                error(
                    .wrongType, at: value.mark,
                    "expected text for '\(key).\(language.string)', found \(Self.describe(value))")
                continue
            }
            if language.string == "sv" { sv = scalar.string; svNode = value } else { en = scalar.string }
        }
        if sv == nil, errorCount == before {
            error(
                .missingKey, at: node.mark,
                "expected the Swedish text under 'sv' in '\(key)' ({sv: \"...\", en: \"...\"}), found only 'en'; a text that exists only in English is written as {sv: \"<the English text>\"} (the report shows it as it is)"
            )
        }
        if let sv, sv.trimmingCharacters(in: .whitespaces).isEmpty, let svNode {
            error(.invalidValue, at: svNode.mark, "expected a Swedish text in '\(key).sv', found an empty text")
        }
        guard errorCount == before, let sv else { return nil }
        return (sv, en)
    }

    /// An id of a goal, roadmap, barrier, lab or investment area: text without spaces.
    func identifier(_ node: Node, _ key: String) -> String? {
        guard let text = text(node, key) else { return nil }
        guard !text.isEmpty, text.count <= 128, !text.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            error(
                .invalidValue, at: node.mark, "expected an id without spaces (1-128 characters) for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return text
    }

    func integer(_ node: Node, _ key: String) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error(.wrongType, at: node.mark, "expected a whole number for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return value
    }

    func number(_ node: Node, _ key: String) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite,
            scalar.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        else {
            error(.wrongType, at: node.mark, "expected a number for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ key: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        error(.wrongType, at: node.mark, "expected true or false for '\(key)', found \(Self.describe(node))")
        return nil
    }

    /// A year in 1900-2200.
    func year(_ node: Node, _ key: String) -> Int? {
        guard let value = integer(node, key) else { return nil }
        guard (1900...2200).contains(value) else {
            error(.impossibleYear, at: node.mark, "expected a year in 1900-2200 for '\(key)', found \(value)")
            return nil
        }
        return value
    }

    /// A number within `range`, described as `what` ("a percentage in 0-200").
    func number(_ node: Node, _ key: String, in range: ClosedRange<Double>, _ what: String) -> Double? {
        guard let value = number(node, key) else { return nil }
        guard range.contains(value) else {
            error(.invalidValue, at: node.mark, "expected \(what) for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return value
    }

    func date(_ node: Node, _ key: String) -> Date? {
        guard case .scalar(let scalar) = node, let date = PlaybookDate.parse(scalar.string) else {
            error(
                .wrongType, at: node.mark,
                "expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ) for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return date
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error(
                .wrongType, at: node.mark,
                "expected one of \(Self.list(E.allCases.map(\.rawValue))) for '\(key)', found \(Self.describe(node))")
            return nil
        }
        if let value = E(rawValue: scalar.string) { return value }
        let allowed = E.allCases.map(\.rawValue)
        error(
            .invalidValue, at: node.mark,
            "expected one of \(Self.list(allowed)) for '\(key)', found \(Self.describe(node))" + Self.hint(scalar.string, allowed))
        return nil
    }

    /// A party id (syntax only).
    func partyID(_ node: Node, _ key: String) -> PartyID? {
        guard let text = text(node, key) else { return nil }
        guard let id = PartyID(text) else {
            error(
                .invalidPartyID, at: node.mark,
                "expected a party id (lowercase ASCII letters, digits and '-', starting with a letter, at most 64) for '\(key)', found \(Self.describe(node))"
                    + Self.hint(Self.suggestedID(text)))
            return nil
        }
        return id
    }

    // MARK: Collections

    func sequence(_ node: Node, _ key: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(.wrongType, at: node.mark, "expected a list for '\(key)', found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list whose items all read; `nil` (after reporting) if any item is wrong.
    func sequence<T>(_ node: Node, _ key: String, _ item: (Node) -> T?) -> [T]? {
        guard let nodes = sequence(node, key) else { return nil }
        var values: [T] = []
        var failed = false
        for element in nodes {
            if let value = item(element) { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }

    // MARK: Hints

    static func list(_ values: [String]) -> String { values.joined(separator: ", ") }

    /// `; did you mean 'x'?` for the nearest of `candidates`, or "".
    static func hint(_ found: String, _ candidates: [String]) -> String {
        nearest(found, candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func hint(_ suggestion: String?) -> String {
        guard let suggestion else { return "" }
        return "; did you mean '\(suggestion)'?"
    }

    /// The candidate closest to `word` by edit distance, when close enough to be a typo.
    static func nearest(_ word: String, _ candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lower, candidate.lowercased())
            let limit = max(1, min(candidate.count, word.count) / 3)
            if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 8 { return abs(a.count - b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A valid party id made from text that is not one (`Göteborg` → `goteborg`), if possible.
    static func suggestedID(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let mapped = String(
            folded.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber) ? character : "-"
            })
        let collapsed = mapped.split(separator: "-").joined(separator: "-")
        return PartyID.isValid(collapsed) && collapsed != text ? collapsed : nil
    }
}

/// One YAML mapping read as a record: checks its keys against the allowed ones (reporting
/// unknown keys with a did-you-mean) and hands out values by key.
struct YAMLRecord {
    let reader: YAMLReader
    /// What the record is, for messages ("goal", "timeline entry").
    let what: String
    let mark: Mark?
    private var values: [String: Node] = [:]
    private var keyOrder: [String] = []

    /// Reads `node` as a mapping with the given keys, or reports what it is instead.
    init?(_ node: Node, _ what: String, keys allowed: [String], reader: YAMLReader) {
        self.reader = reader
        self.what = what
        self.mark = node.mark
        guard case .mapping(let mapping) = node else {
            reader.error(
                .wrongType, at: node.mark,
                "expected \(what) as a mapping (key: value pairs), found \(YAMLReader.describe(node))")
            return nil
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                reader.error(.wrongType, at: keyNode.mark, "expected a key of \(what), found \(YAMLReader.describe(keyNode))")
                continue
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                if let near = YAMLReader.nearest(key, allowed) {
                    reader.error(
                        .unknownKey, at: keyNode.mark,
                        "expected a key of \(what), found unknown key '\(key)'; did you mean '\(near)'?")
                } else {
                    reader.error(
                        .unknownKey, at: keyNode.mark,
                        "expected a key of \(what) (\(YAMLReader.list(allowed))), found unknown key '\(key)'")
                }
                continue
            }
            values[key] = value
            keyOrder.append(key)
        }
    }

    /// The value of `key`, or `nil` when it is absent or null.
    func optional(_ key: String) -> Node? {
        guard let node = values[key], !YAMLReader.isNull(node) else { return nil }
        return node
    }

    /// The value of `key`; reports a missing-key error when it is absent or null.
    func required(_ key: String) -> Node? {
        if let node = optional(key) { return node }
        if let node = values[key] {
            reader.error(.missingKey, at: node.mark, "expected a value for '\(key)' in \(what), found nothing")
        } else {
            let found = keyOrder.isEmpty ? "an empty mapping" : "only \(YAMLReader.list(keyOrder.map { "'\($0)'" }))"
            reader.error(.missingKey, at: mark, "expected key '\(key)' in \(what), found \(found)")
        }
        return nil
    }

    func has(_ key: String) -> Bool { values[key] != nil }
}
