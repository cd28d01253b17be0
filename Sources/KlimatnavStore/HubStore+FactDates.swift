import Foundation
import GRDB

extension HubStore {
    /// The date a message's facts are valid at: the playbook's `asOf` for its facts, a timeline
    /// entry's own `at` for the entry.
    public struct FactDate: Sendable, Hashable {
        public var sender: String
        public var sequence: UInt64
        public var at: Date

        public init(sender: String, sequence: UInt64, at: Date) {
            self.sender = sender
            self.sequence = sequence
            self.at = at
        }
    }

    /// Dates the gap history by the facts instead of the hub's clock, after a playbook run:
    /// each gap event caused by a message in `dates` gets that message's date, so a run of a
    /// 2021 playbook shows gaps open since 2021. The initial load (everything dated up to
    /// `initialLoad`, the playbook's `asOf`) is one moment: a gap that opened and closed
    /// within it is not history (its rows go), and a gap still open keeps one event from it,
    /// `opened`, at its date. Events of the hub's start (its roster registered before the first
    /// message) count as the initial load; messages not in `dates` keep the hub's dates.
    public func dateGaps(by dates: [FactDate], initialLoad: Date) async throws(StoreError) {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        CREATE TEMP TABLE fact_date (sender TEXT NOT NULL, seq INTEGER NOT NULL, at REAL NOT NULL,
                            PRIMARY KEY (sender, seq))
                        """)
                defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fact_date; DROP TABLE IF EXISTS temp.initial_gap") }
                for date in dates {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO fact_date (sender, seq, at) VALUES (?, ?, ?)",
                        arguments: [date.sender, Int64(bitPattern: date.sequence), date.at.timeIntervalSince1970])
                }
                try db.execute(
                    sql: """
                        UPDATE gap_event SET at = (
                            SELECT f.at FROM message m JOIN fact_date f ON f.sender = m.sender AND f.seq = m.seq
                            WHERE m.id = gap_event.messageId)
                        WHERE messageId IN (
                            SELECT m.id FROM message m JOIN fact_date f ON f.sender = m.sender AND f.seq = m.seq)
                        """)
                let limit = initialLoad.timeIntervalSince1970
                // The hub registers its roster before any message arrives; the gaps that opens
                // (a municipality with no commitments yet) belong to the initial load too.
                try db.execute(
                    sql: """
                        UPDATE gap_event SET at = ?
                        WHERE messageId IS NULL AND at <= (
                            SELECT MIN(m.receivedAt) FROM message m JOIN fact_date f ON f.sender = m.sender AND f.seq = m.seq)
                        """, arguments: [limit])
                // Each gap's last event of the initial load.
                try db.execute(
                    sql: """
                        CREATE TEMP TABLE initial_gap AS
                        SELECT gapId, MAX(id) AS lastId FROM gap_event WHERE at <= ? GROUP BY gapId
                        """, arguments: [limit])
                // Opened and closed within the initial load: not history.
                let transient = """
                    SELECT i.gapId FROM initial_gap i JOIN gap_event e ON e.id = i.lastId
                    WHERE e.change = 'resolved'
                        AND NOT EXISTS (SELECT 1 FROM gap_event later WHERE later.gapId = i.gapId AND later.at > ?)
                    """
                try db.execute(sql: "DELETE FROM gap_event WHERE gapId IN (\(transient))", arguments: [limit])
                try db.execute(
                    sql:
                        "DELETE FROM gap_party WHERE gapId IN (SELECT gapId FROM initial_gap) AND gapId NOT IN (SELECT gapId FROM gap_event)"
                )
                try db.execute(
                    sql: "DELETE FROM gap WHERE id IN (SELECT gapId FROM initial_gap) AND id NOT IN (SELECT gapId FROM gap_event)")
                // The rest keep one event of the initial load: the last, as the opening.
                try db.execute(
                    sql: """
                        DELETE FROM gap_event WHERE at <= ? AND gapId IN (SELECT gapId FROM initial_gap)
                            AND id NOT IN (SELECT lastId FROM initial_gap)
                        """, arguments: [limit])
                try db.execute(
                    sql: """
                        UPDATE gap_event SET change = 'opened'
                        WHERE id IN (SELECT lastId FROM initial_gap) AND change = 'changed'
                        """)
                try db.execute(
                    sql: """
                        UPDATE gap SET
                            openedAt = COALESCE((SELECT e.at FROM gap_event e WHERE e.gapId = gap.id AND e.change = 'opened'
                                ORDER BY e.id DESC LIMIT 1), openedAt),
                            resolvedAt = CASE WHEN status = 'resolved' THEN (SELECT e.at FROM gap_event e
                                WHERE e.gapId = gap.id AND e.change = 'resolved' ORDER BY e.id DESC LIMIT 1) END,
                            updatedAt = COALESCE((SELECT MAX(e.at) FROM gap_event e WHERE e.gapId = gap.id), updatedAt)
                        WHERE id IN (SELECT gapId FROM gap_event WHERE messageId IN (
                            SELECT m.id FROM message m JOIN fact_date f ON f.sender = m.sender AND f.seq = m.seq))
                        """)
            }
        } catch {
            throw StoreError("date the gaps by the facts", cause: error)
        }
    }
}
