import Foundation
import GRDB
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// What the group commit's C-API path (``BatchWriter``, ``RawStatement``) must keep from the
/// GRDB statements it replaced: the rows and values stored, duplicates refused one by one,
/// and a failing commit storing nothing.
@Suite struct BatchWriterTests {
    let when = Date(timeIntervalSince1970: 1_633_046_400.25)

    func message(
        _ sender: String, _ seq: UInt64, body: Data? = nil, entities: [EntityChange] = [],
        gaps: [(gap: Gap, change: GapChange)] = []
    ) -> BatchItem {
        .accepted(
            AcceptedMessage(
                sender: sender, sequence: seq, type: "goal.assert", body: body ?? Data("{\"n\":\(seq)}".utf8),
                receivedAt: when, entities: entities, gapChanges: gaps))
    }

    func gap(_ id: String, parties: [PartyID] = ["lund"], summary: String = "s") -> Gap {
        Gap(id: id, kind: .definitionGap, parties: parties, levels: [.local], topic: "t", summary: summary, evidence: [])
    }

    func rows(_ store: HubStore, _ sql: String) async throws -> [[String]] {
        try await store.read("test query") { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: "NULL"
                    case .int64(let int): "\(int)"
                    case .double(let double): "\(double)"
                    case .string(let string): string
                    case .blob(let data): "blob \(Array(data))"
                    }
                }
            }
        }
    }

    @Test func aDuplicateInTheMiddleOfABatchIsTheOnlyMessageNotStored() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        _ = try await store.commit([message("lund", 1)])
        let outcomes = try await store.commit([
            message("lund", 2), message("lund", 1, body: Data("other".utf8)), message("malmo", 1), message("lund", 2),
            message("lund", 3, entities: [EntityChange(kind: "goal", id: "g", party: "lund", json: "{}")]),
        ])
        #expect(outcomes == [.stored(messageID: 2), .duplicate, .stored(messageID: 3), .duplicate, .stored(messageID: 4)])
        let log = try await store.messages()
        #expect(log.map(\.sender) == ["lund", "lund", "malmo", "lund"])
        #expect(log.map(\.sequence) == [1, 2, 1, 3])
        #expect(log[0].body == Data("{\"n\":1}".utf8))
        // The entity row names the message stored after the duplicate, not the duplicate.
        #expect(try await rows(store, "SELECT messageId FROM entity") == [["4"]])
    }

    @Test func storedMessagesReadBackAsGiven() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        let body = Data((0...255).map { UInt8($0) } + Array("åäö".utf8))
        let big = UInt64(Int64.max) + 2
        let outcomes = try await store.commit([
            .accepted(AcceptedMessage(sender: "Göteborgs stad", sequence: big, type: "goal.assert", body: body, receivedAt: when)),
            .accepted(AcceptedMessage(sender: "lund", sequence: .max, type: "t", body: Data([0]), receivedAt: when)),
        ])
        #expect(outcomes == [.stored(messageID: 1), .stored(messageID: 2)])
        let log = try await store.messages()
        #expect(
            log == [
                StoredMessage(id: 1, sender: "Göteborgs stad", sequence: big, type: "goal.assert", body: body, receivedAt: when),
                StoredMessage(id: 2, sender: "lund", sequence: .max, type: "t", body: Data([0]), receivedAt: when),
            ])
        #expect(
            try await rows(store, "SELECT typeof(sender), typeof(seq), typeof(type), typeof(body), typeof(receivedAt) FROM message LIMIT 1")
                == [["text", "integer", "text", "blob", "real"]])
        #expect(try await rows(store, "SELECT seq FROM message") == [["\(Int64(bitPattern: big))"], ["-1"]])
        #expect(try await store.lastSequences() == ["Göteborgs stad": big, "lund": .max])
    }

    @Test func rejectedRowsKeepMissingSequenceAndType() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        let rejected = [
            RejectedMessage(
                sender: nil, sequence: nil, type: nil, code: "malformed", reason: "no header", receivedAt: when, consumesSequence: false),
            RejectedMessage(
                sender: "vinnova", sequence: UInt64(Int64.max) + 1, type: "goal.assert", code: "forbidden", reason: "not its goal",
                receivedAt: when),
        ]
        let outcomes = try await store.commit(rejected.map(BatchItem.rejected))
        #expect(outcomes == [.rejected, .rejected])
        #expect(try await store.rejectedMessages() == rejected)
        #expect(
            try await rows(store, "SELECT sender, seq, type, consumesSeq FROM rejected ORDER BY id")
                == [["NULL", "NULL", "NULL", "0"], ["vinnova", "\(Int64.min)", "goal.assert", "1"]])
        #expect(try await store.messageCount() == 0)
    }

    @Test func entityRowsAreUpsertedAndDeleted() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        _ = try await store.commit([
            message(
                "lund", 1,
                entities: [
                    EntityChange(kind: "goal", id: "a", party: "lund", json: "{\"v\":1}"),
                    EntityChange(kind: "barrier", id: "b", party: nil, json: "{\"v\":1}"),
                    EntityChange(kind: "goal", id: "c", party: "lund", json: "{\"v\":1}"),
                ])
        ])
        _ = try await store.commit([
            message(
                "lund", 2,
                entities: [
                    EntityChange(kind: "goal", id: "a", party: "malmo", json: "{\"v\":2}"),
                    EntityChange(kind: "goal", id: "c", party: "lund", json: nil),
                    EntityChange(kind: "goal", id: "missing", party: nil, json: nil),
                ])
        ])
        #expect(
            try await rows(store, "SELECT kind, id, party, json, messageId FROM entity ORDER BY kind, id") == [
                ["barrier", "b", "NULL", "{\"v\":1}", "1"],
                ["goal", "a", "malmo", "{\"v\":2}", "2"],
            ])
    }

    @Test func gapRowsFollowOpenedChangedResolved() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        let opened = gap("a", parties: ["lund", "malmo"])
        let changed = gap("a", parties: ["lund"], summary: "narrower")
        _ = try await store.commit([message("lund", 1, gaps: [(opened, .opened)])])
        #expect(try await rows(store, "SELECT gapId, party FROM gap_party ORDER BY party") == [["a", "lund"], ["a", "malmo"]])
        _ = try await store.commit([message("lund", 2, gaps: [(changed, .changed)])])
        #expect(try await rows(store, "SELECT gapId, party FROM gap_party") == [["a", "lund"]])
        _ = try await store.commit([message("lund", 3, gaps: [(changed, .resolved)])])
        let at = "\(when.timeIntervalSince1970)"
        #expect(
            try await rows(store, "SELECT id, kind, status, json, openedAt, resolvedAt, updatedAt FROM gap") == [
                ["a", GapKind.definitionGap.rawValue, "resolved", try JSONCoding.string(changed), at, at, at]
            ])
        #expect(try await rows(store, "SELECT gapId, party FROM gap_party") == [["a", "lund"]])
        #expect(
            try await rows(store, "SELECT gapId, change, at, messageId, json FROM gap_event ORDER BY id") == [
                ["a", "opened", at, "1", try JSONCoding.string(opened)],
                ["a", "changed", at, "2", try JSONCoding.string(changed)],
                ["a", "resolved", at, "3", try JSONCoding.string(changed)],
            ])
        // A rebuild's events name no message.
        try await store.record([GapEvent(gap: opened, change: .opened, at: when, messageID: nil)])
        #expect(try await rows(store, "SELECT status, resolvedAt FROM gap") == [["open", "NULL"]])
        #expect(try await rows(store, "SELECT messageId FROM gap_event ORDER BY id DESC LIMIT 1") == [["NULL"]])
    }

    /// A gap event for a gap that has no row breaks gap_party's foreign key: the whole commit
    /// fails with GRDB's error text, and nothing of the batch is stored.
    @Test func aFailingCommitStoresNothingOfItsBatch() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        _ = try await store.commit([message("lund", 1)], stateSequence: 1)
        do {
            _ = try await store.commit(
                [
                    message("lund", 2, entities: [EntityChange(kind: "goal", id: "a", party: "lund", json: "{}")]),
                    .rejected(RejectedMessage(sender: "x", sequence: 1, type: nil, code: "c", reason: "r", receivedAt: when)),
                    message("lund", 3, gaps: [(gap("nowhere"), .changed)]),
                ], stateSequence: 3)
            Issue.record("the commit should have failed")
        } catch {
            #expect(error.operation == "commit 3 messages")
            #expect(
                error.message.hasPrefix(
                    "SQLite error 19: FOREIGN KEY constraint failed - while executing `INSERT INTO gap_party (gapId, party) VALUES (?, ?)`"
                ))
        }
        #expect(try await store.messages().map(\.sequence) == [1])
        #expect(try await store.rejectedMessages().isEmpty)
        #expect(try await rows(store, "SELECT COUNT(*) FROM entity") == [["0"]])
        #expect(try await store.meta(HubStore.stateSequenceKey) == "1")
        // The store goes on: the next commit works and reuses nothing of the failed one.
        #expect(try await store.commit([message("lund", 2)]) == [.stored(messageID: 2)])
    }
}
