import Foundation
import KlimatnavCore
import KlimatnavStore

/// Logged gaps as a table for people, JSON for programs, or CSV for spreadsheets: the one
/// definition of a gap row, used by `klimatnav gaps` and by the dashboard's `/api/gaps`,
/// `/api/gaps.csv` and live events.
public struct GapOutput: Sendable {
    /// How `klimatnav gaps` prints.
    public enum Format: String, Sendable, CaseIterable {
        case table
        case json
        /// RFC 4180: `,` between fields, for programs.
        case csv
        /// For Excel with Swedish settings: `;` between fields, a UTF-8 byte-order mark (so
        /// å, ä and ö survive), CRLF line ends.
        case excel
    }

    public var records: [GapRecord]
    /// The gaps' follow-up (``FollowUpHistory``): each row's `followUp`.
    public var followUps: FollowUpHistory
    /// `YYYY-MM-DD`, for "overdue" in the table.
    public var today: String

    public init(records: [GapRecord], followUps: FollowUpHistory = FollowUpHistory(), today: String = Timestamp.day(Date())) {
        self.records = records
        self.followUps = followUps
        self.today = today
    }

    public func render(_ format: Format) throws -> String {
        switch format {
        case .table: table()
        case .json: try json()
        case .csv: csv()
        case .excel: csv(dialect: .excel)
        }
    }

    /// The JSON object for one gap: the keys the documentation promises (`id`, `kind`,
    /// `parties`, `levels`, `topic`, `summary`, `evidence`, `recommendation`, `status`,
    /// `openedAt`, `resolvedAt`, `followUp`); `recommendation` and `resolvedAt` are `null` when
    /// absent; `followUp` is the gap's follow-up and history (``FollowUpRow``).
    public struct Row: Codable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var parties: [String]
        public var levels: [String]
        public var topic: String
        public var summary: String
        public var evidence: [String]
        public var recommendation: String?
        /// `recommendation` in Swedish.
        public var recommendationSv: String?
        public var status: String
        public var openedAt: String
        public var resolvedAt: String?
        public var followUp: FollowUpRow

        public init(_ record: GapRecord, followUp: GapFollowUpRecord = GapFollowUpRecord()) {
            let gap = record.gap
            id = gap.id
            kind = gap.kind.rawValue
            parties = gap.parties.map(\.rawValue)
            levels = gap.levels.map(\.rawValue)
            topic = gap.topic
            summary = gap.summary
            evidence = gap.evidence
            recommendation = gap.recommendation
            recommendationSv = gap.recommendationSv
            status = record.status
            openedAt = Timestamp.iso(record.openedAt)
            resolvedAt = record.resolvedAt.map(Timestamp.iso)
            self.followUp = FollowUpRow(followUp)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(parties, forKey: .parties)
            try container.encode(levels, forKey: .levels)
            try container.encode(topic, forKey: .topic)
            try container.encode(summary, forKey: .summary)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(recommendation, forKey: .recommendation)  // null when none
            try container.encode(recommendationSv, forKey: .recommendationSv)  // null when none
            try container.encode(status, forKey: .status)
            try container.encode(openedAt, forKey: .openedAt)
            try container.encode(resolvedAt, forKey: .resolvedAt)  // null while open
            try container.encode(followUp, forKey: .followUp)
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, parties, levels, topic, summary, evidence, recommendation, recommendationSv, status, openedAt, resolvedAt,
                followUp
        }
    }

    public var rows: [Row] { records.map { Row($0, followUp: followUps[$0.gap.id]) } }

    /// The rows as a pretty-printed JSON array, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }

    /// The CSV columns, in order. Columns are only ever added at the end, so a program that
    /// reads them by position keeps working.
    public static let csvHeader = [
        "id", "kind", "status", "parties", "levels", "topic", "summary", "evidence", "recommendation", "openedAt", "resolvedAt",
        "recommendationSv", "followUp", "assignee", "role", "due", "dismissReason",
    ]

    /// CSV with quoting per RFC 4180. Lines end with `lineEnding`: `\n` for a terminal
    /// (`klimatnav gaps`), `\r\n` as RFC 4180 asks for a download (`/api/gaps.csv`).
    public func csv(lineEnding: String = "\n", dialect: CSV.Dialect = .rfc4180) -> String {
        let separator = dialect == .excel ? ";" : ","
        let lineEnding = dialect == .excel ? "\r\n" : lineEnding
        var lines = [Self.csvHeader.joined(separator: separator)]
        for row in rows {
            let fields = [
                row.id, row.kind, row.status, row.parties.joined(separator: " "), row.levels.joined(separator: " "),
                row.topic, row.summary, row.evidence.joined(separator: "; "), row.recommendation ?? "",
                row.openedAt, row.resolvedAt ?? "",
                row.recommendationSv ?? "", row.followUp.status, row.followUp.assignee ?? "", row.followUp.role ?? "",
                row.followUp.due ?? "", row.followUp.dismissReason ?? "",
            ]
            lines.append(fields.map { CSV.field($0, separator: separator) }.joined(separator: separator))
        }
        return (dialect == .excel ? "\u{FEFF}" : "") + lines.joined(separator: lineEnding) + lineEnding
    }

    /// Plain text, grouped by kind: in English from the engine's summaries, or in Swedish
    /// (`c` Swedish and the `state` the gaps were found in) from the report's sentences.
    public func table(_ c: Catalogue = Catalogue(.en), state: WorldState? = nil) -> String {
        let sv = c.language == .sv && state != nil
        if records.isEmpty { return sv ? "Inga glapp.\n" : "No gaps.\n" }
        var out = ""
        for kind in GapKind.allCases {
            let ofKind = records.filter { $0.gap.kind == kind }
            guard !ofKind.isEmpty else { continue }
            out += sv ? "\n\(c.gapKind(kind)) (\(kind.rawValue), \(ofKind.count))\n" : "\n\(kind.rawValue) (\(ofKind.count))\n"
            for record in ofKind {
                let resolved = record.status != "open"
                let status = resolved ? (sv ? " [åtgärdat]" : " [\(record.status)]") : ""
                let sentence = sv ? GapSentence.text(record.gap, in: state ?? WorldState(), c) : record.gap.summary
                out += "  - \(sentence)\(status)\n"
                out +=
                    "    \(sv ? "parter" : "parties"): \(record.gap.parties.map(\.rawValue).joined(separator: ", "))  id: \(record.gap.id)\n"
                out += followUpLine(followUps[record.gap.id], c)
            }
        }
        return out
    }
}

/// CSV quoting per RFC 4180.
public enum CSV {
    /// Which program the file is for.
    public enum Dialect: String, Sendable, CaseIterable {
        /// RFC 4180, `,`-separated, for programs.
        case rfc4180
        /// Swedish Excel: `;`-separated, with a byte-order mark.
        case excel
    }

    /// One field, quoted when it holds the separator, a quote or a line break.
    public static func field(_ text: String, separator: String = ",") -> String {
        let mark = separator.first ?? ","
        guard text.contains(where: { $0 == mark || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Times as ISO 8601 in UTC, the way every output prints them.
public enum Timestamp {
    public static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
