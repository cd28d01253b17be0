import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavReport

/// The summary `klimatnav run` prints for a coordinator, in Swedish or English.
struct RunReport {
    let summary: RunSummary
    var language: Language = .en

    private var c: Catalogue { Catalogue(language) }
    private var sv: Bool { language == .sv }

    /// A count in the language's digits ("4 483" in Swedish).
    private func n(_ value: Int) -> String { c.number(Double(value), decimals: 0) }

    var text: String {
        let s = summary
        var out =
            "Klimatnav: \(sv ? s.title : s.titleEn ?? s.title)\(s.illustrative ? (sv ? " (ILLUSTRATIVT scenario, inte fakta)" : " (ILLUSTRATIVE scenario, not facts)") : "")\n"
        if s.interrupted {
            out +=
                sv
                ? "AVBRUTEN: \(n(s.sent)) av \(n(s.scheduled)) meddelanden skickade, \(n(s.acknowledged)) lagrade och kvitterade, \(n(s.scheduled - s.sent)) inte skickade. Glappen nedan bygger bara på de lagrade meddelandena.\n"
                : "INTERRUPTED: \(s.sent) of \(s.scheduled) messages sent, \(s.acknowledged) stored and acknowledged, \(s.scheduled - s.sent) not sent. The gaps below are those of the stored messages only.\n"
        }
        out +=
            sv
            ? "\(n(s.parties)) parter, \(n(s.sent)) meddelanden skickade, \(n(s.acknowledged)) lagrade och kvitterade"
            : "\(s.parties) parties, \(s.sent) messages sent, \(s.acknowledged) stored and acknowledged"
        out += s.refusals.isEmpty ? ".\n" : (sv ? ", \(n(s.refusals.count)) avvisade.\n" : ", \(s.refusals.count) refused.\n")
        for refusal in s.refusals {
            out +=
                "  \(sv ? "avvisat" : "refused"): \(refusal.event) \(sv ? "från" : "from") \(refusal.from): \(refusal.code): \(refusal.reason)\n"
        }
        if s.earlierMessages > 0 {
            out +=
                sv
                ? "Databasen innehöll redan \(n(s.earlierMessages)) meddelanden från en tidigare körning; nu innehåller den \(n(s.storedMessages)). Ange en ny fil med --db för en logg över bara den här körningen.\n"
                : "The database already held \(s.earlierMessages) messages from an earlier run; it now holds \(s.storedMessages). Give --db a new file for a log of this run alone.\n"
        }
        out += "\n\(sv ? "Öppna glapp" : "Open gaps"): \(n(s.gaps.count))\n"
        let kinds = GapKind.allCases
        let width = kinds.map { label($0).count }.max() ?? 22
        for kind in kinds {
            let count = s.gaps.filter { $0.kind == kind }.count
            out += "  \(label(kind).padding(toLength: max(width, 22), withPad: " ", startingAt: 0)) \(n(count))\n"
        }
        for kind in kinds {
            let gaps = s.gaps.filter { $0.kind == kind }
            guard !gaps.isEmpty else { continue }
            out += "\n\(label(kind)) (\(n(gaps.count)))\n"
            for gap in gaps {
                let sentence = GapSentence.text(gap, in: s.state, c)
                out += "  - [\(gap.parties.map(\.rawValue).joined(separator: ", "))] \(sentence)\n"
            }
        }
        out += "\n\(sv ? "Databas" : "Database"): \(s.databasePath)\n"
        out +=
            sv
            ? "Mer: klimatnav gaps --db \(s.databasePath) --format json   (underlag och rekommendationer)\n"
            : "More: klimatnav gaps --db \(s.databasePath) --format json   (evidence and recommendations)\n"
        return out
    }

    /// The kind as a reader sees it: the id in English (stable, greppable), the name in Swedish.
    private func label(_ kind: GapKind) -> String { sv ? c.gapKind(kind) : kind.rawValue }
}
