import Foundation
import GRDB
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// A full disk, a damaged file and a locked file are different failures with different
/// remedies: the store's errors keep SQLite's result code and say what to do.
@Suite struct StoreErrorTests {
    func message(_ seq: UInt64, bytes: Int) -> BatchItem {
        .accepted(
            AcceptedMessage(
                sender: "lund", sequence: seq, type: "goal",
                body: Data("{\"text\":\"\(String(repeating: "x", count: bytes))\"}".utf8),
                receivedAt: Date(timeIntervalSince1970: 1_633_046_400),
                entities: [EntityChange(kind: "goal", id: "lund.g\(seq)", party: "lund", json: "{}")], gapChanges: []))
    }

    @Test func aFullDatabaseIsToldApartAndLosesNothingAlreadyStored() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        _ = try await store.commit([message(1, bytes: 10)])
        // SQLite's page limit on the writer connection: the same SQLITE_FULL a full disk gives.
        try await store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var failure: StoreError?
        do {
            _ = try await store.commit((2...50).map { message($0, bytes: 4000) })
        } catch {
            failure = error
        }
        let error = try #require(failure)
        #expect(error.resultCode == 13)
        #expect(error.kind == .full)
        #expect(error.description.contains("disk is full"))
        #expect(try await store.messageCount() == 1)
    }

    @Test func aDamagedFileIsToldApartFromAMissingFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("not-a-db")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let damaged = #expect(throws: StoreError.self) { try HubStore(path: path) }
        #expect(damaged?.kind == .corrupt)
        #expect(damaged?.description.contains("backup") == true)
        let missing = #expect(throws: StoreError.self) { try HubStore(path: dir.path("missing/folder/hub.db")) }
        #expect(missing?.kind != .corrupt)
    }

    @Test func errorsThatAreNotSQLitesKeepTheirText() {
        let error = StoreError("read x", cause: CocoaError(.fileNoSuchFile))
        #expect(error.resultCode == nil)
        #expect(error.kind == .other)
        #expect(error.operation == "read x")
    }
}
