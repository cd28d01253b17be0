import Foundation
import GRDB
import KlimatnavCore

/// Writes one group commit inside an open write transaction.
struct BatchWriter {
    let db: Database

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
        let insert = try db.cachedStatement(
            sql: "INSERT INTO message (sender, seq, type, body, receivedAt) VALUES (?, ?, ?, ?, ?)")
        do {
            try insert.execute(arguments: [
                message.sender, Int64(bitPattern: message.sequence), message.type, message.body,
                message.receivedAt.timeIntervalSince1970,
            ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return .duplicate
        }
        let messageID = db.lastInsertedRowID
        for entity in message.entities { try write(entity, messageID: messageID) }
        for (gap, change) in message.gapChanges {
            try write(GapEvent(gap: gap, change: change, at: message.receivedAt, messageID: messageID))
        }
        if let revision = message.revision { try write(revision, messageID: messageID) }
        return .stored(messageID: messageID)
    }

    private func write(_ rejected: RejectedMessage) throws -> BatchOutcome {
        try db.cachedStatement(
            sql: "INSERT INTO rejected (sender, seq, type, code, reason, receivedAt, consumesSeq) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            rejected.sender, rejected.sequence.map { Int64(bitPattern: $0) }, rejected.type, rejected.code,
            rejected.reason, rejected.receivedAt.timeIntervalSince1970, rejected.consumesSequence,
        ])
        return .rejected
    }

    private func write(_ entity: EntityChange, messageID: Int64) throws {
        if let json = entity.json {
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO entity (kind, id, party, json, messageId) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [entity.kind, entity.id, entity.party, json, messageID])
        } else {
            try db.cachedStatement(sql: "DELETE FROM entity WHERE kind = ? AND id = ?")
                .execute(arguments: [entity.kind, entity.id])
        }
    }

    /// Writes a gap lifecycle event and brings the gap's row up to date.
    func write(_ event: GapEvent) throws {
        let json = try JSONCoding.string(event.gap)
        let at = event.at.timeIntervalSince1970
        switch event.change {
        case .opened:
            try db.cachedStatement(sql: """
                INSERT INTO gap (id, kind, status, json, openedAt, resolvedAt, updatedAt)
                VALUES (?, ?, 'open', ?, ?, NULL, ?)
                ON CONFLICT(id) DO UPDATE SET status = 'open', json = excluded.json,
                    openedAt = excluded.openedAt, resolvedAt = NULL, updatedAt = excluded.updatedAt
                """).execute(arguments: [event.gap.id, event.gap.kind.rawValue, json, at, at])
        case .changed:
            try db.cachedStatement(sql: "UPDATE gap SET json = ?, updatedAt = ? WHERE id = ?")
                .execute(arguments: [json, at, event.gap.id])
        case .resolved:
            try db.cachedStatement(
                sql: "UPDATE gap SET status = 'resolved', json = ?, resolvedAt = ?, updatedAt = ? WHERE id = ?"
            ).execute(arguments: [json, at, at, event.gap.id])
        }
        if event.change != .resolved {
            try db.cachedStatement(sql: "DELETE FROM gap_party WHERE gapId = ?").execute(arguments: [event.gap.id])
            let party = try db.cachedStatement(sql: "INSERT INTO gap_party (gapId, party) VALUES (?, ?)")
            for id in event.gap.parties { try party.execute(arguments: [event.gap.id, id.rawValue]) }
        }
        try db.cachedStatement(
            sql: "INSERT INTO gap_event (gapId, change, at, messageId, json) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [event.gap.id, event.change.rawValue, at, event.messageID, json])
    }
}
