import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// Makes this database a copy of a hub's shared state, as a party node's replica: the
    /// parties and entity rows of `state` replace what was there, and the open gaps become
    /// `gaps` (a gap not seen before is logged as opened, one that changed as changed, an open
    /// one that is gone as resolved). `gaps`, `report` and `serve` then read the file as they
    /// read a hub's. Returns the gap changes it logged, in that order. One transaction.
    @discardableResult
    public func mirror(state: WorldState, gaps: [Gap], stateSequence: UInt64, at now: Date = Date()) async throws(StoreError) -> [GapEvent]
    {
        do {
            return try await pool.write { db in
                try db.execute(sql: "DELETE FROM party")
                let party = try db.cachedStatement(sql: "INSERT INTO party (id, kind, level, name, json) VALUES (?, ?, ?, ?, ?)")
                for member in state.parties.values {
                    try party.execute(arguments: [
                        member.id.rawValue, member.kind.rawValue, member.level.rawValue, member.name, try JSONCoding.string(member),
                    ])
                }
                let writer = BatchWriter(db: db)
                try db.execute(sql: "DELETE FROM entity")
                var written = Set<EntityKey>()
                for event in state.events() {
                    for key in EntityKey.keys(for: event) where written.insert(key).inserted {
                        try writer.write(try key.row(in: state).change(), messageID: nil)
                    }
                }
                var open: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, json FROM gap WHERE status = 'open'") { open[row["id"]] = row["json"] }
                var events: [GapEvent] = []
                for gap in gaps.sorted(by: { $0.id < $1.id }) {
                    let json = try JSONCoding.string(gap)
                    if let old = open.removeValue(forKey: gap.id) {
                        if old != json { events.append(GapEvent(gap: gap, change: .changed, at: now, messageID: nil)) }
                    } else {
                        // New, or resolved once and open again (the row is reopened).
                        events.append(GapEvent(gap: gap, change: .opened, at: now, messageID: nil))
                    }
                }
                for (_, json) in open.sorted(by: { $0.key < $1.key }) {
                    events.append(GapEvent(gap: try JSONCoding.decode(Gap.self, from: json), change: .resolved, at: now, messageID: nil))
                }
                for event in events { try writer.write(event) }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    arguments: [HubStore.stateSequenceKey, String(stateSequence)])
                return events
            }
        } catch {
            throw StoreError("write the replica", "\(error)")
        }
    }
}
