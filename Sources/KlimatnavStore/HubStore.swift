import Foundation
import GRDB
import KlimatnavCore
import Synchronization

/// The hub's SQLite database: the message log, current state, the gap log and the audit of
/// rejected messages. All access goes through GRDB's own serial queues, never the Swift
/// cooperative pool. The database is the truth: a restarted hub rebuilds from it.
public final class HubStore: Sendable {
    /// How hard SQLite works to make a commit durable.
    public enum Durability: String, Sendable, CaseIterable {
        /// `synchronous=FULL`: an acknowledged message survives power loss. The default.
        case full
        /// `synchronous=NORMAL`: survives a crash of the process, not of the machine; faster.
        case normal
    }

    let pool: DatabasePool
    public let path: String
    /// This process's exclusive hold on the file (``DatabaseLock``); nil for read-only stores.
    private let lock: DatabaseLock?
    private let commits = Mutex(0)

    /// Group commits (``commit(_:stateSequence:)`` transactions) this store has made since
    /// it was opened: for benchmarks, rows per transaction.
    public var commitCount: Int { commits.withLock { $0 } }

    /// The writer connection's `PRAGMA synchronous` (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA).
    func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    /// Takes the file's ``DatabaseLock`` first, so a second writer refuses at once; `holder`
    /// names this process in the lock file ("hub", "run").
    public init(path: String, durability: Durability = .full, holder: String = "hub") throws(StoreError) {
        lock = try DatabaseLock(database: path, holder: holder)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pragma = durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(pragma)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // `DatabasePool` sets synchronous=NORMAL on its writer after `prepareDatabase`
            // (when it turns on WAL), so the writer gets the setting again here: with FULL,
            // every commit syncs the WAL before it returns, and so before any ACK.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(pragma)") }
            try Schema.migrator.migrate(pool)
        } catch {
            throw StoreError(
                "open \(path)", cause: error,
                advice: "Check that the folder exists and is writable, and that the file is a Klimatnav database.")
        }
        self.path = path
    }

    /// Gives up this process's hold on the file (at the end of a hub's or `run`'s life, so the
    /// lock file goes too); nothing is written after this.
    public func releaseLock() { lock?.release() }

    /// A store over an already opened pool (``init(readOnlyPath:)``).
    init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
        lock = nil
    }

    /// The metadata key of the hub's state sequence (protocol section 7.3).
    public static let stateSequenceKey = "stateSequence"

    /// Writes one group commit: every item in one transaction, with the hub's state sequence
    /// after it when given. Returns one outcome per item, in order. Nothing is acknowledged
    /// before this returns.
    public func commit(_ items: [BatchItem], stateSequence: UInt64? = nil) async throws(StoreError) -> [BatchOutcome] {
        do {
            let outcomes = try await pool.write { db in
                let outcomes = try BatchWriter(db: db).write(items)
                if let stateSequence {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                        arguments: [HubStore.stateSequenceKey, String(stateSequence)])
                }
                return outcomes
            }
            commits.withLock { $0 += 1 }
            return outcomes
        } catch {
            throw StoreError("commit \(items.count) messages", cause: error)
        }
    }

    /// Records the roster of parties (from a playbook or a hub's configuration).
    public func register(parties: [Party]) async throws(StoreError) {
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO party (id, kind, level, name, json) VALUES (?, ?, ?, ?, ?)")
                for party in parties {
                    try statement.execute(arguments: [
                        party.id.rawValue, party.kind.rawValue, party.level.rawValue, party.name,
                        try JSONCoding.string(party),
                    ])
                }
            }
        } catch {
            throw StoreError("register parties", cause: error)
        }
    }
}
