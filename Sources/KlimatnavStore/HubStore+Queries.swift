import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// The highest sequence number stored per sender.
    public func lastSequences() async throws(StoreError) -> [String: UInt64] {
        try await read("read sequences") { db in
            var result: [String: UInt64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT sender, MAX(seq) AS seq FROM message GROUP BY sender") {
                result[row["sender"]] = UInt64(bitPattern: row["seq"] as Int64)
            }
            return result
        }
    }

    /// Accepted messages with log id greater than `afterID`, in log order.
    public func messages(after afterID: Int64 = 0, limit: Int = .max) async throws(StoreError) -> [StoredMessage] {
        try await read("read the message log") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM message WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [afterID, Int64(min(limit, Int(Int64.max)))]
            ).map { row in
                StoredMessage(
                    id: row["id"], sender: row["sender"], sequence: UInt64(bitPattern: row["seq"] as Int64),
                    type: row["type"], body: row["body"],
                    receivedAt: Date(timeIntervalSince1970: row["receivedAt"]))
            }
        }
    }

    /// The number of accepted messages.
    public func messageCount() async throws(StoreError) -> Int {
        try await read("count messages") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message") ?? 0 }
    }

    /// The rejected-messages audit, oldest first.
    public func rejectedMessages() async throws(StoreError) -> [RejectedMessage] {
        try await read("read the rejected messages") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rejected ORDER BY id").map { row in
                RejectedMessage(
                    sender: row["sender"], sequence: (row["seq"] as Int64?).map { UInt64(bitPattern: $0) },
                    type: row["type"], code: row["code"], reason: row["reason"],
                    receivedAt: Date(timeIntervalSince1970: row["receivedAt"]), consumesSequence: row["consumesSeq"],
                    frame: row["frame"], path: row["path"])
            }
        }
    }

    /// Gaps, open ones only unless `includeResolved`, ordered by kind then id.
    public func gaps(includeResolved: Bool = false) async throws(StoreError) -> [GapRecord] {
        try await read("read gaps") { db in
            let filter = includeResolved ? "" : "WHERE status = 'open'"
            return try Row.fetchAll(db, sql: "SELECT * FROM gap \(filter)").map(Self.gapRecord).sorted {
                ($0.gap.kind, $0.gap.id) < ($1.gap.kind, $1.gap.id)
            }
        }
    }

    /// Every gap lifecycle event, oldest first.
    public func gapEvents() async throws(StoreError) -> [GapEvent] {
        try await read("read gap events") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM gap_event ORDER BY id").map { row in
                GapEvent(
                    gap: try JSONCoding.decode(Gap.self, from: row["json"]),
                    change: GapChange(rawValue: row["change"]) ?? .changed,
                    at: Date(timeIntervalSince1970: row["at"]), messageID: row["messageId"])
            }
        }
    }

    /// The registered parties.
    public func parties() async throws(StoreError) -> [Party] {
        try await read("read parties") { db in
            try String.fetchAll(db, sql: "SELECT json FROM party ORDER BY id").map {
                try JSONCoding.decode(Party.self, from: $0)
            }
        }
    }

    /// A value from the key-value metadata table.
    public func meta(_ key: String) async throws(StoreError) -> String? {
        try await read("read \(key)") { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }

    /// Removes a value from the key-value metadata table.
    public func deleteMeta(_ key: String) async throws(StoreError) {
        do {
            try await pool.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key]) }
        } catch {
            throw StoreError("delete \(key)", cause: error)
        }
    }

    /// Sets a value in the key-value metadata table.
    public func setMeta(_ key: String, _ value: String) async throws(StoreError) {
        do {
            try await pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        } catch {
            throw StoreError("write \(key)", cause: error)
        }
    }

    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(operation, cause: error)
        }
    }
}
