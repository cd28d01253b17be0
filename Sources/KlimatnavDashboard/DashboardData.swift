import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// Everything one page or API answer shows, read from the hub's database in one go: the
/// registered parties, the state rebuilt from the message log, every logged gap (open and
/// resolved) and the revisions (a later message that replaced an earlier goal, commitment or
/// roadmap of the same id).
///
/// This is the dashboard's own thin model until `KlimatnavReport`'s report model lands; then
/// the views switch to that model and this type only adds what the live page needs.
public struct DashboardData: Sendable {
    public var parties: [Party]
    public var state: WorldState
    public var gaps: [GapRecord]
    public var revisions: [Revision]
    /// When the data was read.
    public var readAt: Date

    /// A later statement that replaced an earlier one with the same id.
    public struct Revision: Sendable, Hashable, Codable {
        public var entity: String
        public var id: String
        public var party: String
        public var at: Date
        public var messageID: Int64
        public var previousMessageID: Int64
    }

    public var openGaps: [GapRecord] { gaps.filter { $0.status == "open" } }

    public func partyName(_ id: PartyID) -> String {
        state.parties[id]?.name ?? parties.first { $0.id == id }?.name ?? id.rawValue
    }

    /// Reads everything from `store` (read only: no write happens).
    public static func load(from store: HubStore) async throws -> DashboardData {
        let parties = try await store.parties()
        var state = WorldState()
        for party in parties { state.parties[party.id] = party }
        var seen: [String: Int64] = [:]
        var revisions: [Revision] = []
        var afterID: Int64 = 0
        while true {
            let page = try await store.messages(after: afterID, limit: 5000)
            guard let last = page.last else { break }
            for message in page {
                let frames = [WireCodec.frame0, Array(message.type.utf8), header(message.sequence), Array(message.body)]
                guard case .domain(let domain) = try? WireCodec.decode(frames: frames) else { continue }
                try? state.apply(domain.event)
                if let key = revisionKey(domain.event) {
                    let full = "\(key.entity)/\(key.id)"
                    if let previous = seen[full] {
                        revisions.append(Revision(
                            entity: key.entity, id: key.id, party: message.sender, at: message.receivedAt,
                            messageID: message.id, previousMessageID: previous))
                    }
                    seen[full] = message.id
                }
            }
            afterID = last.id
        }
        let gaps = try await store.gaps(includeResolved: true)
        return DashboardData(parties: parties, state: state, gaps: gaps, revisions: revisions, readAt: Date())
    }

    static func revisionKey(_ event: DomainEvent) -> (entity: String, id: String)? {
        switch event {
        case .goalAsserted(let goal): ("goal", goal.id)
        case .commitmentStated(let commitment): ("commitment", "\(commitment.party.rawValue)/\(commitment.section.rawValue)")
        case .roadmapPublished(let roadmap): ("roadmap", roadmap.id)
        default: nil
        }
    }

    static func header(_ sequence: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: sequence >> (8 * UInt64($0))) }
    }
}

/// Filters a person can set on the gaps list (and `/api/gaps`).
public struct GapFilter: Sendable, Hashable {
    public var party: String?
    public var kind: String?
    public var level: String?
    public var includeResolved: Bool

    public init(party: String? = nil, kind: String? = nil, level: String? = nil, includeResolved: Bool = false) {
        self.party = party.flatMap { $0.isEmpty ? nil : $0 }
        self.kind = kind.flatMap { $0.isEmpty ? nil : $0 }
        self.level = level.flatMap { $0.isEmpty ? nil : $0 }
        self.includeResolved = includeResolved
    }

    public func apply(_ records: [GapRecord]) -> [GapRecord] {
        records.filter { record in
            (includeResolved || record.status == "open")
                && (party.map { p in record.gap.parties.contains { $0.rawValue == p } } ?? true)
                && (kind.map { record.gap.kind.rawValue == $0 } ?? true)
                && (level.map { l in record.gap.levels.contains { $0.rawValue == l } } ?? true)
        }
    }
}
