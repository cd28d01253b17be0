import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// A revision's English title is stored beside the Swedish one (migration v5), and a database
/// written before v5 keeps its revisions when it is migrated.
@Suite struct RevisionTitleTests {
    let when = Date(timeIntervalSince1970: 1_634_601_600)

    func closing(_ revision: Revision, sequence: UInt64) -> BatchItem {
        .accepted(
            AcceptedMessage(
                sender: "viable-cities", sequence: sequence, type: "revision", body: Data("{}".utf8), receivedAt: when,
                revision: RevisionSnapshot(revision: revision, state: WorldState(), gaps: [], at: when)))
    }

    @Test func theEnglishTitleIsStoredAndABeforeV5DatabaseKeepsItsRevisions() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("hub.db")
        do {
            let store = try HubStore(path: path)
            let bilingual = Revision(
                id: "2021", date: "2021-10-19", title: "Revision 2021 (enligt rapporten)", titleEn: "Revision 2021 (as of the report)")
            _ = try await store.commit([closing(bilingual, sequence: 1)])
            #expect(try await store.revisions().map(\.revision) == [bilingual])
            // The same database as a build before v5 left it: no titleEn column, v5 not applied.
            try await store.pool.write { db in
                try db.execute(sql: "ALTER TABLE revision DROP COLUMN titleEn; DELETE FROM grdb_migrations WHERE identifier = 'v5'")
            }
        }
        let migrated = try HubStore(path: path)
        let kept = try await migrated.revisions().map(\.revision)
        #expect(kept == [Revision(id: "2021", date: "2021-10-19", title: "Revision 2021 (enligt rapporten)")])
        let next = Revision(id: "2022", date: "2022-10-01", title: "Revision 2022", titleEn: "Revision 2022 (English)")
        _ = try await migrated.commit([closing(next, sequence: 2)])
        #expect(try await migrated.revisions().map(\.revision).last == next)
    }
}
