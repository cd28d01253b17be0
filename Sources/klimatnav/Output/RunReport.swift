import Foundation
import KlimatnavCore
import KlimatnavNode

/// The summary `klimatnav run` prints for a coordinator.
struct RunReport {
    let summary: RunSummary

    var text: String {
        var out = "Klimatnav: \(summary.title)\(summary.illustrative ? " (ILLUSTRATIVE scenario, not facts)" : "")\n"
        if summary.interrupted {
            out += "INTERRUPTED: \(summary.sent) of \(summary.scheduled) messages sent, \(summary.acknowledged) stored and acknowledged, "
            out += "\(summary.scheduled - summary.sent) not sent. The gaps below are those of the stored messages only.\n"
        }
        out += "\(summary.parties) parties, \(summary.sent) messages sent, \(summary.acknowledged) stored and acknowledged"
        out += summary.refusals.isEmpty ? ".\n" : ", \(summary.refusals.count) refused.\n"
        if summary.earlierMessages > 0 {
            out += "The database already held \(summary.earlierMessages) messages from an earlier run; it now holds \(summary.storedMessages). "
            out += "Give --db a new file for a log of this run alone.\n"
        }
        for refusal in summary.refusals {
            out += "  refused: \(refusal.event) from \(refusal.from): \(refusal.code): \(refusal.reason)\n"
        }
        out += "\nOpen gaps: \(summary.gaps.count)\n"
        for kind in GapKind.allCases {
            let count = summary.gaps.filter { $0.kind == kind }.count
            out += "  \(kind.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(count)\n"
        }
        for kind in GapKind.allCases {
            let gaps = summary.gaps.filter { $0.kind == kind }
            guard !gaps.isEmpty else { continue }
            out += "\n\(kind.rawValue) (\(gaps.count))\n"
            for gap in gaps {
                out += "  - [\(gap.parties.map(\.rawValue).joined(separator: ", "))] \(gap.summary)\n"
            }
        }
        out += "\nDatabase: \(summary.databasePath)\n"
        out += "More: klimatnav gaps --db \(summary.databasePath) --format json   (evidence and recommendations)\n"
        return out
    }
}
