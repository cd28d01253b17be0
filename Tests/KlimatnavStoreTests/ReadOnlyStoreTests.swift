import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// `HubStore(readOnlyPath:)`: what `serve`, `report`, `gaps`, `log` and `diff` open.
@Suite struct ReadOnlyStoreTests {
    let when = Date(timeIntervalSince1970: 1_633_046_400)

    func message(_ sender: String, _ seq: UInt64) -> BatchItem {
        .accepted(
            AcceptedMessage(
                sender: sender, sequence: seq, type: "goal", body: Data("{\"n\":\(seq)}".utf8), receivedAt: when,
                entities: [EntityChange(kind: "goal", id: "\(sender).g\(seq)", party: sender, json: "{}")]))
    }

    @Test func readsWhatTheHubWritesAndRefusesEveryWrite() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let hub = try HubStore(path: dir.path("hub.db"))
        _ = try await hub.commit([message("lund", 1)])
        let reader = try HubStore(readOnlyPath: dir.path("hub.db"))
        #expect(reader.isReadOnly)
        #expect(!hub.isReadOnly)
        #expect(try await reader.messageCount() == 1)
        // A later commit by the hub is visible to the open reader.
        _ = try await hub.commit([message("lund", 2)])
        #expect(try await reader.messageCount() == 2)
        await #expect(throws: StoreError.self) { try await reader.setMeta("x", "y") }
        await #expect(throws: StoreError.self) { _ = try await reader.commit([message("lund", 3)]) }
        #expect(try await hub.messageCount() == 2)
    }

    @Test func aMissingFileOrAnOldSchemaFailsWithWhatToDo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: StoreError.self) { try HubStore(readOnlyPath: dir.path("missing.db")) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.db")), "a reader creates no file")

        // A database of an older build: migrated to v1 only.
        let old = try HubStore(path: dir.path("old.db"))
        try await old.pool.write { db in
            try db.execute(sql: "DROP TABLE revision; DELETE FROM grdb_migrations WHERE identifier <> 'v1'")
        }
        do {
            _ = try HubStore(readOnlyPath: dir.path("old.db"))
            Issue.record("an old schema was accepted")
        } catch {
            #expect(error.description.contains("run `klimatnav hub` or `klimatnav run` once to migrate"))
        }

        let empty = dir.path("empty.db")
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.self) { try HubStore(readOnlyPath: empty) }
    }
}
