import Foundation
import GRDB
import KlimatnavCore

extension HubStore {
    /// Closed revisions, oldest first (by closing time, then id).
    public func revisions() async throws(StoreError) -> [RevisionSnapshot] {
        try await read("read revisions") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM revision ORDER BY closedAt, id").map(Self.revision)
        }
    }

    /// The revision called `id`, or `nil` when no such revision was closed.
    public func revision(_ id: String) async throws(StoreError) -> RevisionSnapshot? {
        try await read("read revision \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM revision WHERE id = ?", arguments: [id]).map(Self.revision)
        }
    }

    /// The current state as the entity table keeps it (one row per goal, roadmap, barrier, ...),
    /// with the roster of registered parties. Needs no replay of the message log.
    public func currentState() async throws(StoreError) -> WorldState {
        try await read("read the current state") { db in
            var state = WorldState()
            for json in try String.fetchAll(db, sql: "SELECT json FROM party") {
                let party = try JSONCoding.decode(Party.self, from: json)
                state.parties[party.id] = party
            }
            for row in try Row.fetchAll(db, sql: "SELECT kind, id, json FROM entity") {
                let json: String = row["json"]
                switch row["kind"] as String {
                case "party":
                    let party = try JSONCoding.decode(Party.self, from: json)
                    state.parties[party.id] = party
                case "goal":
                    let goal = try JSONCoding.decode(Goal.self, from: json)
                    state.goals[goal.id] = goal
                case "commitment":
                    let commitment = try JSONCoding.decode(Commitment.self, from: json)
                    state.commitments[commitment.key] = commitment
                case "roadmap":
                    let roadmap = try JSONCoding.decode(Roadmap.self, from: json)
                    state.roadmaps[roadmap.id] = roadmap
                case "investment-area":
                    let area = try JSONCoding.decode(InvestmentArea.self, from: json)
                    state.investmentAreas[area.id] = area
                case "claim":
                    state.claims.insert(try JSONCoding.decode(ResponsibilityClaim.self, from: json))
                case "barrier":
                    let barrier = try JSONCoding.decode(RegulatoryBarrier.self, from: json)
                    state.barriers[barrier.id] = barrier
                case "policy-lab":
                    let lab = try JSONCoding.decode(PolicyLab.self, from: json)
                    state.policyLabs[lab.id] = lab
                case "membership":
                    state.memberships.insert(try JSONCoding.decode(Membership.self, from: json))
                case "revision":
                    let revision = try JSONCoding.decode(Revision.self, from: json)
                    state.revisions[revision.id] = revision
                case "inventory", "own-inventory":
                    let inventory = try JSONCoding.decode(EmissionInventory.self, from: json)
                    if inventory.isOwn {
                        state.ownInventories[inventory.party, default: [:]][inventory.year] = inventory
                    } else {
                        state.inventories[inventory.party, default: [:]][inventory.year] = inventory
                    }
                case "gap-followup":
                    state.followUps[row["id"] as String] = try JSONCoding.decode(GapFollowUpState.self, from: json)
                default:
                    continue
                }
            }
            return state
        }
    }

    private static func revision(_ row: Row) throws -> RevisionSnapshot {
        RevisionSnapshot(
            revision: Revision(id: row["id"], date: row["date"], title: row["title"], titleEn: row["titleEn"]),
            closedAt: Date(timeIntervalSince1970: row["closedAt"]), messageID: row["messageId"],
            events: try JSONCoding.decode([StoredEvent].self, from: row["state"]).map(\.event),
            gaps: try JSONCoding.decode([Gap].self, from: row["gaps"]))
    }
}

extension BatchWriter {
    /// Stores a revision snapshot; a revision closed again keeps its first snapshot.
    func write(_ snapshot: RevisionSnapshot, messageID: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO revision (id, date, title, titleEn, closedAt, messageId, state, gaps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            snapshot.revision.id, snapshot.revision.date, snapshot.revision.title, snapshot.revision.titleEn,
            snapshot.closedAt.timeIntervalSince1970, messageID,
            try JSONCoding.string(snapshot.events.map(StoredEvent.init)), try JSONCoding.string(snapshot.gaps),
        ])
    }
}
