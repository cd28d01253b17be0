import Foundation
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore

/// The JSON bodies of `/api/...` (described in Protocols/dashboard-openapi.yaml). A gap is
/// ``GapOutput/Row``, exactly the object of `klimatnav gaps --format json`.
public enum API {
    public struct PartyRow: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: String
        public var level: String
        public var region: String?
        public var openGaps: Int
        public var goals: Int
        /// The name in English where it differs (`name` is Swedish).
        public var nameEn: String?
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
        /// `text` is Swedish; this is its English translation, where there is one.
        public var textEn: String?
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
        /// English translations of `title` and `instrument` (which are Swedish), where there are.
        public var titleEn: String?
        public var instrumentEn: String?
    }

    public struct PolicyLabRow: Codable, Sendable, Hashable {
        public var id: String
        public var barrier: String
        public var parties: [String]
        public var status: String
    }

    /// A closed contract revision (``HubStore/revisions()``).
    public struct RevisionRow: Codable, Sendable, Hashable {
        public var id: String
        public var date: String
        public var title: String?
        /// The title in English, if the coordinator gave one.
        public var titleEn: String?
        /// When the hub accepted the `revision` message.
        public var closedAt: String
        /// The log id of that message.
        public var messageId: Int64?
        /// Gaps open at the closing.
        public var openGaps: Int
        public var openGapsByKind: [String: Int]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(date, forKey: .date)
            try container.encode(title, forKey: .title)  // null when none
            try container.encodeIfPresent(titleEn, forKey: .titleEn)  // left out when none, as the other ...En fields
            try container.encode(closedAt, forKey: .closedAt)
            try container.encode(messageId, forKey: .messageId)
            try container.encode(openGaps, forKey: .openGaps)
            try container.encode(openGapsByKind, forKey: .openGapsByKind)
        }
    }

    /// Counts for the overview (and the live page's refresh).
    public struct Summary: Codable, Sendable, Hashable {
        /// Open gaps that are not dismissed (as the gap list shows them by default).
        public var openGaps: Int
        public var resolvedGaps: Int
        /// Open gaps the coordinator dismissed as not real gaps (a re-opened one is not here).
        public var dismissedGaps: Int
        /// ``openGaps`` per kind.
        public var byKind: [String: Int]
        public var parties: Int
        public var goals: Int
        public var barriers: Int
        /// Closed contract revisions.
        public var revisions: Int
    }

    /// Gaps counted per kind, every kind present (0 when none).
    static func countByKind(_ kinds: [GapKind]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: GapKind.allCases.map { ($0.rawValue, 0) })
        for kind in kinds { counts[kind.rawValue, default: 0] += 1 }
        return counts
    }
}

extension ReportModel {
    func partyRows() -> [API.PartyRow] {
        state.parties.values.sorted { $0.id < $1.id }.map { party in
            API.PartyRow(
                id: party.id.rawValue, name: party.name, kind: party.kind.rawValue, level: party.level.rawValue,
                region: party.region, openGaps: openGaps(of: party.id).count, goals: state.goals(of: party.id).count,
                nameEn: party.nameEn)
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
                    interimOf: goal.interimOf, scopes: goal.scopes, textEn: goal.textEn)
            }
    }

    func barrierRows() -> [API.BarrierRow] {
        state.barriers.values.sorted { $0.id < $1.id }.map { barrier in
            API.BarrierRow(
                id: barrier.id, title: barrier.title, instrument: barrier.instrument,
                changeLevel: barrier.changeLevel.rawValue, reportedBy: barrier.reportedBy.map(\.rawValue),
                affectedTopics: barrier.affectedTopics, responsibleAgency: barrier.responsibleAgency?.rawValue,
                status: barrier.status.rawValue,
                policyLabs: state.policyLabs.values.filter { $0.barrier == barrier.id }.sorted { $0.id < $1.id }.map(\.row),
                titleEn: barrier.titleEn, instrumentEn: barrier.instrumentEn)
        }
    }

    func policyLabRows() -> [API.PolicyLabRow] {
        state.policyLabs.values.sorted { $0.id < $1.id }.map(\.row)
    }

    func revisionRows() -> [API.RevisionRow] {
        revisions.map { snapshot in
            API.RevisionRow(
                id: snapshot.revision.id, date: snapshot.revision.date, title: snapshot.revision.title,
                titleEn: snapshot.revision.titleEn, closedAt: Timestamp.iso(snapshot.closedAt), messageId: snapshot.messageID,
                openGaps: snapshot.gaps.count,
                openGapsByKind: API.countByKind(snapshot.gaps.map(\.kind)))
        }
    }

    func summary() -> API.Summary {
        let dismissed = openGaps.filter { followUps[$0.gap.id].status == .dismissed }
        let standing = openGaps.filter { followUps[$0.gap.id].status != .dismissed }
        return API.Summary(
            openGaps: standing.count, resolvedGaps: resolvedGaps.count, dismissedGaps: dismissed.count,
            byKind: API.countByKind(standing.map(\.gap.kind)),
            parties: state.parties.count, goals: state.goals.count, barriers: state.barriers.count,
            revisions: revisions.count)
    }
}

extension PolicyLab {
    var row: API.PolicyLabRow {
        API.PolicyLabRow(id: id, barrier: barrier, parties: parties.map(\.rawValue), status: status.rawValue)
    }
}
