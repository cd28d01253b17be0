import Foundation
import KlimatnavCore
import KlimatnavStore

/// Renders logged gaps as a table for people, JSON for programs, or CSV for spreadsheets.
struct GapOutput {
    let records: [GapRecord]

    func render(_ format: GapOutputFormat) throws -> String {
        switch format {
        case .table: table()
        case .json: try json()
        case .csv: csv()
        }
    }

    /// The JSON object for one gap: the keys the documentation promises.
    struct Row: Encodable {
        var id: String
        var kind: String
        var parties: [String]
        var levels: [String]
        var topic: String
        var summary: String
        var evidence: [String]
        var recommendation: String?
        var status: String
        var openedAt: String
        var resolvedAt: String?

        init(_ record: GapRecord) {
            let gap = record.gap
            id = gap.id
            kind = gap.kind.rawValue
            parties = gap.parties.map(\.rawValue)
            levels = gap.levels.map(\.rawValue)
            topic = gap.topic
            summary = gap.summary
            evidence = gap.evidence
            recommendation = gap.recommendation
            status = record.status
            openedAt = Timestamp.iso(record.openedAt)
            resolvedAt = record.resolvedAt.map(Timestamp.iso)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(parties, forKey: .parties)
            try container.encode(levels, forKey: .levels)
            try container.encode(topic, forKey: .topic)
            try container.encode(summary, forKey: .summary)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(recommendation, forKey: .recommendation)  // null when none
            try container.encode(status, forKey: .status)
            try container.encode(openedAt, forKey: .openedAt)
            try container.encode(resolvedAt, forKey: .resolvedAt)
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, parties, levels, topic, summary, evidence, recommendation, status, openedAt, resolvedAt
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(records.map(Row.init)), as: UTF8.self) + "\n"
    }

    func csv() -> String {
        let header = ["id", "kind", "status", "parties", "levels", "topic", "summary", "evidence", "recommendation", "openedAt", "resolvedAt"]
        var lines = [header.joined(separator: ",")]
        for row in records.map(Row.init) {
            let fields = [
                row.id, row.kind, row.status, row.parties.joined(separator: " "), row.levels.joined(separator: " "),
                row.topic, row.summary, row.evidence.joined(separator: "; "), row.recommendation ?? "",
                row.openedAt, row.resolvedAt ?? "",
            ]
            lines.append(fields.map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func table() -> String {
        if records.isEmpty { return "No gaps.\n" }
        var out = ""
        for kind in GapKind.allCases {
            let ofKind = records.filter { $0.gap.kind == kind }
            guard !ofKind.isEmpty else { continue }
            out += "\n\(kind.rawValue) (\(ofKind.count))\n"
            for record in ofKind {
                let status = record.status == "open" ? "" : " [\(record.status)]"
                out += "  - \(record.gap.summary)\(status)\n"
                out += "    parties: \(record.gap.parties.map(\.rawValue).joined(separator: ", "))  id: \(record.gap.id)\n"
            }
        }
        return out
    }
}

/// CSV quoting per RFC 4180.
enum CSV {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Times as ISO 8601 in UTC, the way every output prints them.
enum Timestamp {
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
