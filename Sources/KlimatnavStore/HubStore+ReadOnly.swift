import Foundation
import GRDB

extension HubStore {
    /// Opens the existing database at `path` for reading only: SQLite refuses every write
    /// (`Configuration.readonly`) and no migration runs, so the readers (`serve`, `report`,
    /// `gaps`, `log`, `diff`) never change the hub's file, even while the hub writes to it.
    ///
    /// Fails when the file is missing or is not a Klimatnav database, and when its schema is older
    /// than this build expects (the hub migrates on start; a reader never does).
    public convenience init(readOnlyPath path: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError("open \(path) read-only", "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let pool: DatabasePool
        let applied: [String]
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            applied = try pool.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch {
            throw StoreError("open \(path) read-only", cause: error, advice: "Check that the file is a Klimatnav database.")
        }
        if applied.isEmpty {
            throw StoreError("open \(path) read-only", "this is not a Klimatnav database (it has no schema)")
        }
        let missing = Schema.migrationIdentifiers.filter { !applied.contains($0) }
        if !missing.isEmpty {
            throw StoreError(
                "open \(path) read-only",
                "the database's schema is older than this klimatnav expects (missing \(missing.joined(separator: ", "))); "
                    + "run `klimatnav hub` or `klimatnav run` once to migrate")
        }
        let unknown = applied.filter { !Schema.migrationIdentifiers.contains($0) }
        if !unknown.isEmpty {
            throw StoreError(
                "open \(path) read-only",
                "the database was migrated by a newer klimatnav (schema \(unknown.joined(separator: ", "))); use that version")
        }
        self.init(pool: pool, path: path)
    }

    /// Whether SQLite refuses writes to this store (``init(readOnlyPath:)``).
    public var isReadOnly: Bool { pool.configuration.readonly }
}
