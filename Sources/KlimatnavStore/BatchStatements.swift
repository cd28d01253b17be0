import GRDB

/// The prepared statements of one write access, each prepared the first time it is needed.
/// Lives no longer than that access (the statements belong to its connection), so a commit
/// prepares only what its batch uses, and each row costs an array index, not an SQL lookup.
final class BatchStatements {
    private let db: Database
    private var prepared = [RawStatement?](repeating: nil, count: BatchSQL.allCases.count)

    init(_ db: Database) {
        self.db = db
    }

    subscript(_ sql: BatchSQL) -> RawStatement {
        get throws {
            if let statement = prepared[sql.rawValue] { return statement }
            let statement = try RawStatement(db, sql: sql.sql)
            prepared[sql.rawValue] = statement
            return statement
        }
    }
}
