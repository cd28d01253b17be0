import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// Every gap's follow-up history, from the log: the `gap.followup` messages and the gaps'
    /// lifecycle events, in the order they happened. A lifecycle event follows the message
    /// that caused it; one the hub caused itself (no message) is placed after the last
    /// message received before it.
    public func followUpHistory() async throws(StoreError) -> FollowUpHistory {
        try await read("read the gaps' follow-up history") { db in
            // Sorted by (message, 0 for the message itself or 1 for a gap change it caused, change id).
            var ordered: [(key: (Int64, Int, Int64), gap: String, entry: FollowUpEntry)] = []
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT id, body, receivedAt FROM message WHERE type = 'gap.followup' ORDER BY id") {
                let body: Data = row["body"]
                let followUp = try decoder.decode(GapFollowUp.self, from: body)
                let at = Date(timeIntervalSince1970: row["receivedAt"])
                ordered.append(((row["id"] as Int64, 0, 0), followUp.gap, FollowUpEntry(at: at, step: .followUp(followUp))))
            }
            // Message times, to place lifecycle events the hub caused itself.
            let times = try Row.fetchAll(db, sql: "SELECT id, receivedAt FROM message ORDER BY id").map { row in
                (id: row["id"] as Int64, at: row["receivedAt"] as Double)
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, gapId, change, at, messageId FROM gap_event ORDER BY id") {
                let at: Double = row["at"]
                let message = (row["messageId"] as Int64?) ?? Self.lastMessage(before: at, in: times)
                let change = GapChange(rawValue: row["change"]) ?? .changed
                ordered.append(
                    (
                        (message, 1, row["id"] as Int64), row["gapId"],
                        FollowUpEntry(at: Date(timeIntervalSince1970: at), step: .facts(change))
                    ))
            }
            ordered.sort { $0.key < $1.key }
            return FollowUpHistory(ordered.map { ($0.gap, $0.entry) })
        }
    }

    /// Ids of the gaps the log has as resolved (a follow-up may still name them).
    public func resolvedGapIDs() async throws(StoreError) -> [String] {
        try await read("read resolved gap ids") { db in
            try String.fetchAll(db, sql: "SELECT id FROM gap WHERE status = 'resolved'")
        }
    }

    /// The id of the last message received at or before `time` (0: none), by binary search.
    private static func lastMessage(before time: Double, in times: [(id: Int64, at: Double)]) -> Int64 {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle].at <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : times[low - 1].id
    }
}
