import Foundation
import GRDB
import KlimatnavCore

/// Writes one group commit inside an open write transaction. Each statement is prepared once
/// per commit and bound through the C API (``RawStatement``): per row, nearly all the cost is
/// SQLite's own.
struct BatchWriter {
    let db: Database
    private let statements: BatchStatements

    init(db: Database) {
        self.db = db
        statements = BatchStatements(db)
    }

    func write(_ items: [BatchItem]) throws -> [BatchOutcome] {
        try items.map { item in
            switch item {
            case .accepted(let message): try write(message)
            case .rejected(let rejected): try write(rejected)
            }
        }
    }

    private func write(_ message: AcceptedMessage) throws -> BatchOutcome {
        // Idempotent by sender + sequence: the UNIQUE constraint refuses a second copy (only
        // that statement is undone; the transaction goes on). One statement per message
        // instead of a lookup and an insert.
        let insert = try statements[.insertMessage]
        do {
            try insert.with(message.sender, at: 1) {
                try insert.with(message.type, at: 3) {
                    try insert.with(message.body, at: 4) {
                        try insert.bind(Int64(bitPattern: message.sequence), at: 2)
                        try insert.bind(message.receivedAt.timeIntervalSince1970, at: 5)
                        try insert.run()
                    }
                }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return .duplicate
        }
        let messageID = insert.lastInsertedRowID
        for entity in message.entities { try write(entity, messageID: messageID) }
        for (gap, change) in message.gapChanges {
            try write(GapEvent(gap: gap, change: change, at: message.receivedAt, messageID: messageID))
        }
        if let revision = message.revision { try write(revision, messageID: messageID) }
        return .stored(messageID: messageID)
    }

    private func write(_ rejected: RejectedMessage) throws -> BatchOutcome {
        let insert = try statements[.insertRejected]
        try insert.with(rejected.sender, at: 1) {
            try insert.with(rejected.type, at: 3) {
                try insert.with(rejected.code, at: 4) {
                    try insert.with(rejected.reason, at: 5) {
                        try insert.with(rejected.path, at: 9) {
                            try insert.bind(rejected.sequence.map { Int64(bitPattern: $0) }, at: 2)
                            try insert.bind(rejected.receivedAt.timeIntervalSince1970, at: 6)
                            try insert.bind(Int64(rejected.consumesSequence ? 1 : 0), at: 7)
                            try insert.bind(rejected.frame.map(Int64.init), at: 8)
                            try insert.run()
                        }
                    }
                }
            }
        }
        return .rejected
    }

    /// Writes an entity row; `messageID` is `nil` for a change the hub made itself.
    func write(_ entity: EntityChange, messageID: Int64?) throws {
        if let json = entity.json {
            let upsert = try statements[.upsertEntity]
            try upsert.with(entity.kind, at: 1) {
                try upsert.with(entity.id, at: 2) {
                    try upsert.with(entity.party, at: 3) {
                        try upsert.with(json, at: 4) {
                            try upsert.bind(messageID, at: 5)
                            try upsert.run()
                        }
                    }
                }
            }
        } else {
            let delete = try statements[.deleteEntity]
            try delete.with(entity.kind, at: 1) {
                try delete.with(entity.id, at: 2) { try delete.run() }
            }
        }
    }

    /// Writes a gap lifecycle event and brings the gap's row up to date.
    func write(_ event: GapEvent) throws {
        let json = try JSONCoding.string(event.gap)
        let at = event.at.timeIntervalSince1970
        let id = event.gap.id
        switch event.change {
        case .opened:
            let open = try statements[.openGap]
            try open.with(id, at: 1) {
                try open.with(event.gap.kind.rawValue, at: 2) {
                    try open.with(json, at: 3) {
                        try open.bind(at, at: 4)
                        try open.bind(at, at: 5)
                        try open.run()
                    }
                }
            }
        case .changed:
            let change = try statements[.changeGap]
            try change.with(json, at: 1) {
                try change.with(id, at: 3) {
                    try change.bind(at, at: 2)
                    try change.run()
                }
            }
        case .resolved:
            let resolve = try statements[.resolveGap]
            try resolve.with(json, at: 1) {
                try resolve.with(id, at: 4) {
                    try resolve.bind(at, at: 2)
                    try resolve.bind(at, at: 3)
                    try resolve.run()
                }
            }
        }
        if event.change != .resolved { try writeParties(of: event.gap) }
        let insert = try statements[.insertGapEvent]
        try insert.with(id, at: 1) {
            try insert.with(event.change.rawValue, at: 2) {
                try insert.with(json, at: 5) {
                    try insert.bind(at, at: 3)
                    try insert.bind(event.messageID, at: 4)
                    try insert.run()
                }
            }
        }
    }

    /// Replaces an open gap's parties.
    private func writeParties(of gap: Gap) throws {
        let delete = try statements[.deleteGapParties]
        try delete.with(gap.id, at: 1) { try delete.run() }
        let insert = try statements[.insertGapParty]
        for party in gap.parties {
            try insert.with(gap.id, at: 1) {
                try insert.with(party.rawValue, at: 2) { try insert.run() }
            }
        }
    }
}
