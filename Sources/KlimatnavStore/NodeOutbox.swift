import Foundation
import GRDB

/// A node's durable outbox: every domain message it sends, with its sender sequence number,
/// written to the node's own SQLite file BEFORE the message goes on the wire, and the hub's
/// answer once it arrives. A node restarted on the same file resends what is unanswered with
/// the original numbers and numbers new messages after the highest ever used, so the hub's
/// duplicate suppression (sender + sequence) makes the effect exactly-once.
///
/// Separate from ``HubStore`` (own file, own schema and migrations).
public final class NodeOutbox: Sendable {
    /// How a message stands.
    public enum State: String, Sendable {
        case pending, acknowledged, refused
    }

    /// One message of the outbox.
    public struct Record: Sendable, Hashable {
        public var sequence: UInt64
        /// The caller's name for the message (for example a playbook position), if any.
        public var key: String?
        public var type: String
        public var body: Data
        public var state: State
        public var code: String?
        public var reason: String?
        public var stateSequence: UInt64?
        public var createdAt: Date
        public var answeredAt: Date?
    }

    /// A message to write: its number, key, type (frame 1) and body (frame 3).
    public struct Entry: Sendable {
        public var sequence: UInt64
        public var key: String?
        public var type: String
        public var body: Data

        public init(sequence: UInt64, key: String?, type: String, body: Data) {
            self.sequence = sequence
            self.key = key
            self.type = type
            self.body = body
        }
    }

    /// An answer to record.
    public struct Answer: Sendable {
        public var sequence: UInt64
        public var acknowledged: Bool
        public var code: String?
        public var reason: String?
        public var stateSequence: UInt64?

        public init(sequence: UInt64, acknowledged: Bool, code: String? = nil, reason: String? = nil, stateSequence: UInt64? = nil) {
            self.sequence = sequence
            self.acknowledged = acknowledged
            self.code = code
            self.reason = reason
            self.stateSequence = stateSequence
        }
    }

    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the outbox at `path`. `synchronous=FULL` by default: a
    /// message is on disk before it is sent, even across a power loss; with `.normal` a
    /// power loss (not a process crash) may forget the last messages written, which a hub
    /// that already acknowledged them would later take for duplicates of new messages.
    public init(path: String, durability: HubStore.Durability = .full) throws(StoreError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pragma = durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(pragma)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try NodeOutbox.migrator.migrate(pool)
        } catch {
            throw StoreError(
                "open outbox \(path)", cause: error,
                advice: "Check that the folder exists and is writable, and that the file is a Klimatnav node outbox.")
        }
        self.path = path
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("outbox-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY NOT NULL,
                        key TEXT,
                        type TEXT NOT NULL,
                        body BLOB NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acknowledged', 'refused')),
                        code TEXT,
                        reason TEXT,
                        stateSeq INTEGER,
                        createdAt REAL NOT NULL,
                        answeredAt REAL
                    );
                    CREATE INDEX outbox_state ON outbox(state, seq);
                    CREATE INDEX outbox_key ON outbox(key);
                    -- floor: the highest sequence known used (a hub's WELCOME may raise it).
                    CREATE TABLE outbox_meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }

    // MARK: Writing

    /// Writes messages in one transaction; returns once they are durable.
    public func append(_ entries: [Entry]) async throws(StoreError) {
        guard !entries.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT INTO outbox (seq, key, type, body, createdAt) VALUES (?, ?, ?, ?, ?)")
                for entry in entries {
                    try statement.execute(arguments: [Int64(bitPattern: entry.sequence), entry.key, entry.type, entry.body, now])
                }
            }
        } catch {
            throw StoreError("write \(entries.count) messages to the outbox", cause: error)
        }
    }

    /// Records the hub's answers (ACK, or a final NACK). Answers to unknown or already
    /// answered numbers are ignored.
    public func record(_ answers: [Answer]) async throws(StoreError) {
        guard !answers.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        UPDATE outbox SET state = ?, code = ?, reason = ?, stateSeq = ?, answeredAt = ?
                        WHERE seq = ? AND state = 'pending'
                        """)
                for answer in answers {
                    try statement.execute(arguments: [
                        answer.acknowledged ? State.acknowledged.rawValue : State.refused.rawValue, answer.code, answer.reason,
                        answer.stateSequence.map { Int64(bitPattern: $0) }, now, Int64(bitPattern: answer.sequence),
                    ])
                }
            }
        } catch {
            throw StoreError("record \(answers.count) answers in the outbox", cause: error)
        }
    }

    /// Remembers that numbers up to `sequence` are used (the hub's WELCOME expects more than
    /// this node ever wrote: the outbox was lost or replaced).
    public func raiseFloor(to sequence: UInt64) async throws(StoreError) {
        do {
            try await pool.write { db in
                let current = try String.fetchOne(db, sql: "SELECT value FROM outbox_meta WHERE key = 'floor'").flatMap(UInt64.init) ?? 0
                guard sequence > current else { return }
                try db.execute(sql: "INSERT OR REPLACE INTO outbox_meta (key, value) VALUES ('floor', ?)", arguments: [String(sequence)])
            }
        } catch {
            throw StoreError("raise the outbox's sequence floor", cause: error)
        }
    }

    // MARK: Reading (synchronous: small, at start-up and in tools)

    /// The highest sequence number ever used (0 for a new outbox).
    public func highestSequence() throws(StoreError) -> UInt64 {
        try read("read the highest sequence") { db in
            let top = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM outbox").map { UInt64(bitPattern: $0) } ?? 0
            let floor = try String.fetchOne(db, sql: "SELECT value FROM outbox_meta WHERE key = 'floor'").flatMap(UInt64.init) ?? 0
            return max(top, floor)
        }
    }

    /// Messages not answered yet, in sequence order.
    public func pending() throws(StoreError) -> [Record] {
        try records(where: "state = 'pending'")
    }

    /// Every message, in sequence order.
    public func all() throws(StoreError) -> [Record] {
        try records(where: "1")
    }

    /// The most recent message for each key (the latest attempt at it).
    public func latestByKey() throws(StoreError) -> [String: Record] {
        var result: [String: Record] = [:]
        for record in try records(where: "key IS NOT NULL") {
            if let key = record.key { result[key] = record }
        }
        return result
    }

    /// Counts by state.
    public func counts() throws(StoreError) -> (pending: Int, acknowledged: Int, refused: Int) {
        try read("count the outbox") { db in
            var result = (pending: 0, acknowledged: 0, refused: 0)
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                switch State(rawValue: row["state"]) {
                case .pending: result.pending = row["n"]
                case .acknowledged: result.acknowledged = row["n"]
                case .refused: result.refused = row["n"]
                case nil: break
                }
            }
            return result
        }
    }

    private func records(where condition: String) throws(StoreError) -> [Record] {
        try read("read the outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE \(condition) ORDER BY seq").map { row in
                Record(
                    sequence: UInt64(bitPattern: row["seq"] as Int64), key: row["key"], type: row["type"], body: row["body"],
                    state: State(rawValue: row["state"]) ?? .pending, code: row["code"], reason: row["reason"],
                    stateSequence: (row["stateSeq"] as Int64?).map { UInt64(bitPattern: $0) },
                    createdAt: Date(timeIntervalSince1970: row["createdAt"]),
                    answeredAt: (row["answeredAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(operation, cause: error)
        }
    }
}
