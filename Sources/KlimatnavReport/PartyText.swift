import KlimatnavCore

/// The texts parties assert, in the report's language: Swedish as stored; in English the
/// translation where the party gave one, else the Swedish text, marked as such.
public enum PartyText {
    /// The text to show in `language`, and whether it is the Swedish text standing in for a
    /// missing English translation.
    static func pick(_ sv: String, _ en: String?, _ language: Language) -> (text: String, untranslated: Bool) {
        switch language {
        case .sv: (sv, false)
        case .en: en.map { ($0, false) } ?? (sv, !sv.isEmpty)
        }
    }

    /// As HTML: escaped, and wrapped in `<span lang="sv">` where Swedish stands in an English page.
    public static func html(_ sv: String, _ en: String?, _ language: Language) -> String {
        let (text, untranslated) = pick(sv, en, language)
        return untranslated ? "<span lang=\"sv\">\(HTML.escape(text))</span>" : HTML.escape(text)
    }

    /// As plain text (Markdown escapes it itself).
    public static func plain(_ sv: String, _ en: String?, _ language: Language) -> String {
        pick(sv, en, language).text
    }

    /// Evidence lines as a Swedish page shows them: the leading reference of each line
    /// (`goal:lund.minus-80-2030`; the spec lets a program read it, section 6.6) and the
    /// source's own words (`… i rapporten: ”…”`); the engine's English explanations are left
    /// out (the English page and `klimatnav gaps --format json` have them).
    static func swedishEvidence(_ lines: [String]) -> [String] {
        let kinds = ["goal", "roadmap", "investment-area", "barrier", "policy-lab", "commitment"]
        var out: [String] = []
        for line in lines {
            let reference = String(line.prefix { $0 != " " })
            guard let colon = reference.firstIndex(of: ":"), kinds.contains(String(reference[..<colon])),
                reference.index(after: colon) < reference.endIndex
            else { continue }
            if let quote = line.range(of: " in the report: ") {
                out.append(reference + " i rapporten: " + line[quote.upperBound...].replacingOccurrences(of: "\"", with: "”"))
            } else if !out.contains(reference) {
                out.append(reference)
            }
        }
        return out
    }
}
