/// The statements a group commit runs, each prepared at most once per commit
/// (``BatchStatements``) instead of looked up by its SQL text for every row.
enum BatchSQL: Int, CaseIterable {
    case insertMessage, insertRejected, upsertEntity, deleteEntity
    case openGap, changeGap, resolveGap, deleteGapParties, insertGapParty, insertGapEvent

    var sql: String {
        switch self {
        case .insertMessage:
            "INSERT INTO message (sender, seq, type, body, receivedAt) VALUES (?, ?, ?, ?, ?)"
        case .insertRejected:
            "INSERT INTO rejected (sender, seq, type, code, reason, receivedAt, consumesSeq, frame, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        case .upsertEntity:
            // An upsert, not INSERT OR REPLACE: the same columns, without deleting and
            // re-inserting the row (and its primary-key index entry) on every change.
            """
            INSERT INTO entity (kind, id, party, json, messageId) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(kind, id) DO UPDATE SET party = excluded.party, json = excluded.json, messageId = excluded.messageId
            """
        case .deleteEntity:
            "DELETE FROM entity WHERE kind = ? AND id = ?"
        case .openGap:
            """
            INSERT INTO gap (id, kind, status, json, openedAt, resolvedAt, updatedAt)
            VALUES (?, ?, 'open', ?, ?, NULL, ?)
            ON CONFLICT(id) DO UPDATE SET status = 'open', json = excluded.json,
                openedAt = excluded.openedAt, resolvedAt = NULL, updatedAt = excluded.updatedAt
            """
        case .changeGap:
            "UPDATE gap SET json = ?, updatedAt = ? WHERE id = ?"
        case .resolveGap:
            "UPDATE gap SET status = 'resolved', json = ?, resolvedAt = ?, updatedAt = ? WHERE id = ?"
        case .deleteGapParties:
            "DELETE FROM gap_party WHERE gapId = ?"
        case .insertGapParty:
            "INSERT INTO gap_party (gapId, party) VALUES (?, ?)"
        case .insertGapEvent:
            "INSERT INTO gap_event (gapId, change, at, messageId, json) VALUES (?, ?, ?, ?, ?)"
        }
    }
}
