import Foundation
import GRDB

extension HubStore {
    /// The refusal recorded for `sender`'s message `sequence`, if it was refused.
    public func rejection(sender: String, sequence: UInt64) async throws(StoreError) -> RejectedMessage? {
        try await read("read a refusal") { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM rejected WHERE sender = ? AND seq = ? AND consumesSeq = 1 ORDER BY id LIMIT 1",
                arguments: [sender, Int64(bitPattern: sequence)]
            ).map { row in
                RejectedMessage(
                    sender: row["sender"], sequence: sequence, type: row["type"], code: row["code"],
                    reason: row["reason"], receivedAt: Date(timeIntervalSince1970: row["receivedAt"]),
                    frame: row["frame"], path: row["path"])
            }
        }
    }

    /// The highest sequence number used by a refused message, per sender.
    public func rejectedSequences() async throws(StoreError) -> [String: UInt64] {
        try await read("read refused sequences") { db in
            var result: [String: UInt64] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT sender, MAX(seq) AS seq FROM rejected WHERE consumesSeq = 1 GROUP BY sender")
            {
                result[row["sender"]] = UInt64(bitPattern: row["seq"] as Int64)
            }
            return result
        }
    }

    /// Records gap lifecycle events that no message caused (a rebuild after a restart).
    /// With `entities`: the current-state rows of changes the hub made itself (its roster and
    /// reference goals, protocol section 7.4), in the same transaction, with no message.
    public func record(_ events: [GapEvent], entities: [EntityChange] = []) async throws(StoreError) {
        do {
            try await pool.write { db in
                let writer = BatchWriter(db: db)
                for entity in entities { try writer.write(entity, messageID: nil) }
                for event in events { try writer.write(event) }
            }
        } catch {
            throw StoreError("record \(events.count) gap events", cause: error)
        }
    }
}
