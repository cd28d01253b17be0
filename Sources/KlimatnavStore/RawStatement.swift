import Foundation
import GRDB
import GRDBSQLite

/// A statement prepared by GRDB, bound and run through the SQLite C API.
///
/// Why: GRDB's `execute(arguments:)` boxes every argument as an existential, builds
/// `StatementArguments` and validates them on every row; with a cached-statement lookup per
/// row that was about a quarter of a group commit's CPU time. This binds values straight
/// into a statement prepared once per commit.
///
/// Use it only inside a GRDB write access (on GRDB's writer queue, in its transaction): it
/// leaves the transaction to GRDB. It does not notify GRDB transaction observers, so it is
/// only for tables nothing observes through GRDB (the store registers no observer).
struct RawStatement {
    private let db: Database
    private let statement: Statement

    /// Prepares `sql` on `db`'s connection. The statement is this value's alone, not GRDB's
    /// cached one, so GRDB never sees the bindings made here.
    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// The rowid of the connection's last successful INSERT (as `db.lastInsertedRowID`,
    /// without GRDB's queue check on every row: this type runs only on the writer's queue).
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }

    func bind(_ value: Int64, at index: CInt) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ value: Int64?, at index: CInt) throws {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try bind(value, at: index)
    }

    func bind(_ value: Double, at index: CInt) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds `text` (NULL when `nil`) without copying it, for the duration of `body` only.
    /// Like GRDB, the text goes in as a C string: it ends at its first NUL.
    func with<T>(_ text: String?, at index: CInt, _ body: () throws -> T) throws -> T {
        guard let text else {
            try check(sqlite3_bind_null(handle, index))
            return try body()
        }
        return try text.withCString { pointer in
            try check(sqlite3_bind_text(handle, index, pointer, -1, nil))
            return try body()
        }
    }

    /// Binds `blob` without copying it, for the duration of `body` only. Like GRDB, empty
    /// data has no bytes to point at and so goes in as NULL.
    func with<T>(_ blob: Data, at index: CInt, _ body: () throws -> T) throws -> T {
        try blob.withUnsafeBytes { bytes in
            try check(sqlite3_bind_blob(handle, index, bytes.baseAddress, CInt(bytes.count), nil))
            return try body()
        }
    }

    /// Runs the statement once with the values bound, then resets it and clears its bindings
    /// (which may point at memory that is about to go away). A failure throws the
    /// `DatabaseError` GRDB would have thrown (same code, message and SQL); SQLite has then
    /// undone this one statement, and the transaction goes on unless the caller throws on. An
    /// interrupted statement (a cancelled access) throws `CancellationError`, as GRDB does.
    func run() throws {
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        let failure = code == SQLITE_DONE ? nil : error(code)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard let failure else { return }
        // GRDB interrupts the running statement when the task that awaits the access is
        // cancelled, and reports that as `CancellationError`; nothing else in the store
        // interrupts the writer.
        if failure.resultCode == .SQLITE_INTERRUPT { throw CancellationError() }
        throw failure
    }

    private func check(_ code: CInt) throws {
        if code != SQLITE_OK { throw error(code) }
    }

    private func error(_ code: CInt) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
}
