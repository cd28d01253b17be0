import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// The gaps that concern `party`: those that name it (`gap_party`) and those the
    /// coordinator assigned to it (its `gap-followup` entity row); every open and resolved
    /// one, and those with a gap event after `eventID` (the mark of the last read; 0:
    /// everything is new).
    public func inbox(party: String, after eventID: Int64) async throws(StoreError) -> PartyInbox {
        try await read("read the inbox of \(party)") { db in
            let concerning = """
                SELECT gapId FROM gap_party WHERE party = :party
                UNION SELECT id FROM entity WHERE kind = 'gap-followup' AND party = :party
                """
            let all = try Row.fetchAll(
                db,
                sql: """
                    SELECT gap.* FROM gap WHERE gap.id IN (\(concerning)) ORDER BY gap.kind, gap.id
                    """, arguments: ["party": party]
            ).map(Self.gapRecord)
            let fresh = Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT gapId FROM gap_event WHERE gapId IN (\(concerning)) AND id > :after
                        """, arguments: ["party": party, "after": eventID]))
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM gap_event") ?? 0
            return PartyInbox(
                new: all.filter { fresh.contains($0.gap.id) }, open: all.filter { $0.status == "open" },
                resolved: all.filter { $0.status != "open" }, lastEventID: last)
        }
    }

    /// A row of the `gap` table.
    static func gapRecord(_ row: Row) throws -> GapRecord {
        GapRecord(
            gap: try JSONCoding.decode(Gap.self, from: row["json"]), status: row["status"],
            openedAt: Date(timeIntervalSince1970: row["openedAt"]),
            resolvedAt: (row["resolvedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
