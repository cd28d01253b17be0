import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// The gaps that concern `party` (``inbox(party:since:)``), new after gap event `eventID`.
    public func inbox(party: String, after eventID: Int64) async throws(StoreError) -> PartyInbox {
        try await inbox(party: party, since: InboxMark(event: eventID))
    }

    /// The gaps that concern `party`: those that name it (`gap_party`) and those the
    /// coordinator assigned to it (its `gap-followup` entity row); every open and resolved
    /// one, and as new those with a gap event after the mark, or whose follow-up (an
    /// assignment, a comment, a dismissal) is not what the mark saw.
    public func inbox(party: String, since mark: InboxMark) async throws(StoreError) -> PartyInbox {
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
                        """, arguments: ["party": party, "after": mark.event]))
            var followUps: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT id, json FROM entity WHERE kind = 'gap-followup' AND id IN (\(concerning))",
                arguments: ["party": party])
            {
                followUps[row["id"]] = row["json"]
            }
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM gap_event") ?? 0
            let isNew = { (id: String) in fresh.contains(id) || followUps[id] != mark.followUps[id] }
            return PartyInbox(
                new: all.filter { isNew($0.gap.id) }, open: all.filter { $0.status == "open" },
                resolved: all.filter { $0.status != "open" }, lastEventID: last,
                mark: InboxMark(event: last, followUps: followUps))
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
