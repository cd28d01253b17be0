import GRDB

/// A failure of the hub's (or a node's) database, with what was being done, what went wrong
/// and what to do about it. When SQLite refused, ``resultCode`` keeps its primary result
/// code, so a full disk, a corrupt file and a locked file are told apart (``kind``).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var message: String
    /// SQLite's primary result code (for example 13, `SQLITE_FULL`), when SQLite refused.
    public var resultCode: Int32?

    public init(_ operation: String, _ message: String) {
        self.operation = operation
        self.message = message
        self.resultCode = nil
    }

    /// Wraps `cause`, keeping SQLite's result code when it is a GRDB `DatabaseError`.
    /// `advice` is appended to the message when the kind of failure has no advice of its own.
    public init(_ operation: String, cause: any Error, advice: String? = nil) {
        self.operation = operation
        if let database = cause as? DatabaseError {
            resultCode = database.resultCode.primaryResultCode.rawValue
            message = "\(database)"
        } else if let wrapped = cause as? StoreError {
            resultCode = wrapped.resultCode
            message = wrapped.message
        } else {
            resultCode = nil
            message = "\(cause)"
        }
        if let hint = kind.advice ?? advice { message += ". \(hint)" }
    }

    /// What kind of failure this is, from SQLite's result code.
    public var kind: Kind { resultCode.map(Kind.init(resultCode:)) ?? .other }

    public var description: String { "database: \(operation): \(message)" }

    /// The failures a user acts on differently.
    public enum Kind: Sendable, Equatable {
        /// The disk (or the database's size limit) is full: free space, then retry.
        case full
        /// The file is damaged or not a database: restore it from a backup.
        case corrupt
        /// Another connection holds a lock: retry.
        case busy
        /// The file or its folder cannot be written.
        case readOnly
        /// The operating system failed to read or write.
        case io
        /// The file cannot be opened.
        case cannotOpen
        case other

        init(resultCode: Int32) {
            switch resultCode {
            case 13: self = .full  // SQLITE_FULL
            case 11, 26: self = .corrupt  // SQLITE_CORRUPT, SQLITE_NOTADB
            case 5, 6: self = .busy  // SQLITE_BUSY, SQLITE_LOCKED
            case 8: self = .readOnly  // SQLITE_READONLY
            case 10: self = .io  // SQLITE_IOERR
            case 14: self = .cannotOpen  // SQLITE_CANTOPEN
            default: self = .other
            }
        }

        /// What to do, in one sentence; `nil` where it depends on the operation.
        var advice: String? {
            switch self {
            case .full: "The disk is full: free space, then start again; nothing unacknowledged was stored."
            case .corrupt: "The file is damaged or is not a Klimatnav database: restore it from a backup or start with a new file."
            case .busy: "Another program holds the database: wait for it to finish, then try again."
            case .readOnly: "The file or its folder cannot be written: check the permissions."
            case .io: "The operating system could not read or write the file: check the disk."
            case .cannotOpen: "The file cannot be opened: check that the folder exists and is writable."
            case .other: nil
            }
        }
    }
}
