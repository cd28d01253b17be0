import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// The changes the hub made itself and published as DELTAs without `by` (protocol section
/// 7.4): roster parties and reference goals. Each entry keeps the id of the last logged
/// message before it, so a restart replays it at its place among the messages, and the
/// hub publishes only what changed since (a party added to the roster, a reference goal
/// edited or removed). Kept in the database's metadata table as JSON.
struct HubMadeLog: Sendable {
    struct Entry: Sendable, Hashable {
        /// The id of the last message in the log when the change was made (0: none).
        var after: Int64
        var event: DomainEvent
    }

    static let metaKey = "hubMadeChanges"

    private(set) var entries: [Entry] = []
    /// The last published form of each party and reference goal, by ``key(_:)``.
    private(set) var latest: [String: DomainEvent] = [:]

    init() {}

    /// Reads the log written by ``json()``.
    init(json: String) throws {
        guard let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
            throw StoreError("read \(Self.metaKey)", "expected a JSON array of objects")
        }
        for item in list {
            guard let after = (item["after"] as? NSNumber)?.int64Value, let name = item["event"] as? String,
                let body = item["body"]
            else { throw StoreError("read \(Self.metaKey)", "an entry lacks after, event or body") }
            let bytes = Array(try JSONSerialization.data(withJSONObject: body))
            let message = try WireCodec.decodeDomain(event: name, sequence: 1, body: bytes)
            append(Entry(after: after, event: message.event))
        }
    }

    /// The log as JSON: `[{"after": N, "event": NAME, "body": BODY}, ...]`, bodies as on the wire.
    func json() throws -> String {
        let list: [[String: Any]] = try entries.map { entry in
            let frames = try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: entry.event)))
            return ["after": entry.after, "event": entry.event.name, "body": try JSONSerialization.jsonObject(with: Data(frames[3]))]
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
    }

    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if let key = Self.key(entry.event) { latest[key] = entry.event }
    }

    /// What the hub must publish so that the published state holds `parties` and
    /// `referenceGoals` as given: each one new or different from its last published form,
    /// then a withdrawal of each reference goal published before and no longer given.
    func changes(parties: [Party], referenceGoals: [Goal]) -> [DomainEvent] {
        let wanted = parties.map(DomainEvent.partyRegistered) + referenceGoals.map(DomainEvent.goalAsserted)
        var changes = wanted.filter { latest[Self.key($0) ?? ""] != $0 }
        let kept = Set(referenceGoals.map { "goal:\($0.id)" })
        for (key, event) in latest.sorted(by: { $0.key < $1.key }) where !kept.contains(key) {
            if case .goalAsserted(let goal) = event { changes.append(.goalWithdrawn(goalID: goal.id, party: goal.party)) }
        }
        return changes
    }

    /// `party:ID` or `goal:ID` for the events the hub makes; `nil` for others.
    static func key(_ event: DomainEvent) -> String? {
        switch event {
        case .partyRegistered(let party): "party:\(party.id)"
        case .goalAsserted(let goal): "goal:\(goal.id)"
        case .goalWithdrawn(let goalID, _): "goal:\(goalID)"
        default: nil
        }
    }
}
