import Foundation
import KlimatnavCore
import KlimatnavStore

/// The JSON bodies of `/api/...` (described in Protocols/dashboard-openapi.yaml).
public enum API {
    /// One gap, with exactly the keys of `klimatnav gaps --format json`.
    public struct GapRow: Codable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var parties: [String]
        public var levels: [String]
        public var topic: String
        public var summary: String
        public var evidence: [String]
        public var recommendation: String?
        public var status: String
        public var openedAt: String
        public var resolvedAt: String?

        public init(_ record: GapRecord) {
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
            openedAt = iso(record.openedAt)
            resolvedAt = record.resolvedAt.map(iso)
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
            try container.encode(status, forKey: .status)
            try container.encode(openedAt, forKey: .openedAt)
            try container.encode(resolvedAt, forKey: .resolvedAt)  // null while open
        }
    }

    public struct PartyRow: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: String
        public var level: String
        public var region: String?
        public var openGaps: Int
        public var goals: Int
    }

    public struct GoalRow: Codable, Sendable, Hashable {
        public var id: String
        public var party: String
        public var text: String
        public var form: String
        public var word: String?
        public var reductionPercent: Double?
        public var baseYear: Int?
        public var targetYear: Int?
        public var perCapitaTonnes: Double?
        public var annualRatePercent: Double?
        public var sector: String?
        public var status: String
        public var interimOf: String?
        public var scopes: [Int]?
    }

    public struct BarrierRow: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var instrument: String?
        public var changeLevel: String
        public var reportedBy: [String]
        public var affectedTopics: [String]
        public var responsibleAgency: String?
        public var status: String
        public var policyLabs: [PolicyLabRow]
    }

    public struct PolicyLabRow: Codable, Sendable, Hashable {
        public var id: String
        public var barrier: String
        public var parties: [String]
        public var status: String
    }

    public struct RevisionRow: Codable, Sendable, Hashable {
        public var entity: String
        public var id: String
        public var party: String
        public var at: String
        public var messageId: Int64
        public var previousMessageId: Int64
    }

    /// Counts for the overview (and the live page's refresh).
    public struct Summary: Codable, Sendable, Hashable {
        public var openGaps: Int
        public var resolvedGaps: Int
        public var byKind: [String: Int]
        public var parties: Int
        public var goals: Int
        public var barriers: Int
        public var revisions: Int
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}

extension DashboardData {
    func partyRows() -> [API.PartyRow] {
        let open = openGaps
        return parties.sorted { $0.id < $1.id }.map { party in
            API.PartyRow(
                id: party.id.rawValue, name: party.name, kind: party.kind.rawValue, level: party.level.rawValue,
                region: party.region, openGaps: open.filter { $0.gap.parties.contains(party.id) }.count,
                goals: state.goals(of: party.id).count)
        }
    }

    func goalRows(party: String? = nil) -> [API.GoalRow] {
        state.goals.values
            .filter { goal in party.map { goal.party.rawValue == $0 } ?? true }
            .sorted { ($0.party, $0.id) < ($1.party, $1.id) }
            .map { goal in
                API.GoalRow(
                    id: goal.id, party: goal.party.rawValue, text: goal.text, form: goal.form.rawValue,
                    word: goal.word?.rawValue, reductionPercent: goal.reductionPercent, baseYear: goal.baseYear,
                    targetYear: goal.targetYear, perCapitaTonnes: goal.perCapitaTonnes,
                    annualRatePercent: goal.annualRatePercent, sector: goal.sector, status: goal.status.rawValue,
                    interimOf: goal.interimOf, scopes: goal.scopes)
            }
    }

    func barrierRows() -> [API.BarrierRow] {
        state.barriers.values.sorted { $0.id < $1.id }.map { barrier in
            API.BarrierRow(
                id: barrier.id, title: barrier.title, instrument: barrier.instrument,
                changeLevel: barrier.changeLevel.rawValue, reportedBy: barrier.reportedBy.map(\.rawValue),
                affectedTopics: barrier.affectedTopics, responsibleAgency: barrier.responsibleAgency?.rawValue,
                status: barrier.status.rawValue,
                policyLabs: state.policyLabs.values.filter { $0.barrier == barrier.id }.sorted { $0.id < $1.id }.map(\.row))
        }
    }

    func policyLabRows() -> [API.PolicyLabRow] {
        state.policyLabs.values.sorted { $0.id < $1.id }.map(\.row)
    }

    func revisionRows() -> [API.RevisionRow] {
        revisions.map {
            API.RevisionRow(
                entity: $0.entity, id: $0.id, party: $0.party, at: API.iso($0.at), messageId: $0.messageID,
                previousMessageId: $0.previousMessageID)
        }
    }

    func summary() -> API.Summary {
        let open = openGaps
        var byKind: [String: Int] = [:]
        for kind in GapKind.allCases { byKind[kind.rawValue] = open.filter { $0.gap.kind == kind }.count }
        return API.Summary(
            openGaps: open.count, resolvedGaps: gaps.count - open.count, byKind: byKind, parties: parties.count,
            goals: state.goals.count, barriers: state.barriers.count, revisions: revisions.count)
    }
}

extension PolicyLab {
    var row: API.PolicyLabRow {
        API.PolicyLabRow(id: id, barrier: barrier, parties: parties.map(\.rawValue), status: status.rawValue)
    }
}

/// CSV per RFC 4180, the same columns as `klimatnav gaps --format csv`.
enum GapCSV {
    static let header = ["id", "kind", "status", "parties", "levels", "topic", "summary", "evidence", "recommendation", "openedAt", "resolvedAt"]

    static func render(_ records: [GapRecord]) -> String {
        var lines = [header.joined(separator: ",")]
        for row in records.map(API.GapRow.init) {
            let fields = [
                row.id, row.kind, row.status, row.parties.joined(separator: " "), row.levels.joined(separator: " "),
                row.topic, row.summary, row.evidence.joined(separator: "; "), row.recommendation ?? "",
                row.openedAt, row.resolvedAt ?? "",
            ]
            lines.append(fields.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
