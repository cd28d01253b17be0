import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavStore

@Suite struct HubStoreTests {
    let when = Date(timeIntervalSince1970: 1_633_046_400)

    func message(_ sender: String, _ seq: UInt64, gaps: [(gap: Gap, change: GapChange)] = []) -> BatchItem {
        .accepted(
            AcceptedMessage(
                sender: sender, sequence: seq, type: "goal", body: Data("{\"n\":\(seq)}".utf8), receivedAt: when,
                entities: [EntityChange(kind: "goal", id: "\(sender).g\(seq)", party: sender, json: "{}")],
                gapChanges: gaps))
    }

    func gap(_ id: String, summary: String = "s") -> Gap {
        Gap(id: id, kind: .definitionGap, parties: ["lund"], levels: [.local], topic: "t", summary: summary, evidence: [])
    }

    @Test func storesMessagesInOrderAndDeduplicatesBySenderAndSequence() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        let first = try await store.commit([message("lund", 1), message("lund", 2), message("malmo", 1)])
        #expect(first == [.stored(messageID: 1), .stored(messageID: 2), .stored(messageID: 3)])
        let again = try await store.commit([message("lund", 2), message("lund", 3)])
        #expect(again == [.duplicate, .stored(messageID: 4)])
        let log = try await store.messages()
        #expect(log.map(\.sender) == ["lund", "lund", "malmo", "lund"])
        #expect(log.map(\.sequence) == [1, 2, 1, 3])
        #expect(log[0].body == Data("{\"n\":1}".utf8))
        #expect(try await store.lastSequences() == ["lund": 3, "malmo": 1])
    }

    /// GRDB's pool turns synchronous to NORMAL when it sets up WAL; the store must win.
    @Test func durabilityReachesTheWriterConnection() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try HubStore(path: dir.path("full.db"), durability: .full).synchronousLevel() == 2)
        #expect(try HubStore(path: dir.path("normal.db"), durability: .normal).synchronousLevel() == 1)
    }

    @Test func rejectedMessagesAreAuditedAndNotLogged() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        let outcome = try await store.commit([
            .rejected(
                RejectedMessage(
                    sender: "vinnova", sequence: 7, type: "goal", code: "forbidden",
                    reason: "an agency may not assert a municipality's goal", receivedAt: when))
        ])
        #expect(outcome == [.rejected])
        #expect(try await store.messageCount() == 0)
        let audit = try await store.rejectedMessages()
        #expect(audit.count == 1)
        #expect(audit.first?.code == "forbidden")
        #expect(audit.first?.sequence == 7)
    }

    @Test func gapLifecycleIsLoggedAndSurvivesReopening() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        do {
            let store = try HubStore(path: dir.path("hub.db"))
            _ = try await store.commit([message("lund", 1, gaps: [(gap("a"), .opened), (gap("b"), .opened)])])
            _ = try await store.commit([message("lund", 2, gaps: [(gap("a", summary: "new"), .changed), (gap("b"), .resolved)])])
        }
        let reopened = try HubStore(path: dir.path("hub.db"))
        let open = try await reopened.gaps()
        #expect(open.map(\.gap.id) == ["a"])
        #expect(open.first?.gap.summary == "new")
        let all = try await reopened.gaps(includeResolved: true)
        #expect(all.map(\.status) == ["open", "resolved"])
        #expect(all[1].resolvedAt != nil)
        let events = try await reopened.gapEvents()
        #expect(events.map(\.change) == [.opened, .opened, .changed, .resolved])
        #expect(events.map(\.messageID) == [1, 1, 2, 2])
    }

    @Test func aResolvedGapCanOpenAgain() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try HubStore(path: dir.path("hub.db"))
        _ = try await store.commit([message("lund", 1, gaps: [(gap("a"), .opened)])])
        _ = try await store.commit([message("lund", 2, gaps: [(gap("a"), .resolved)])])
        _ = try await store.commit([message("lund", 3, gaps: [(gap("a"), .opened)])])
        let open = try await store.gaps()
        #expect(open.count == 1)
        #expect(open.first?.resolvedAt == nil)
    }

    @Test func openingSomethingThatIsNotADatabaseFailsClearly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("not-a-db")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try HubStore(path: path) }
        #expect(throws: StoreError.self) { try HubStore(path: dir.path("missing/folder/hub.db")) }
    }

    @Test func entityRowsFollowTheState() throws {
        var state = WorldState()
        try state.apply(.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lund")))
        let goal = Goal(id: "lund.g", party: "lund", word: .nearZero, targetYear: 2050)
        try state.apply(.goalAsserted(goal))
        let asserted = try EntityChange.changes(for: .goalAsserted(goal), in: state)
        #expect(asserted.count == 1)
        #expect(asserted[0].json?.contains("near-zero") == true)
        try state.apply(.goalWithdrawn(goalID: "lund.g", party: "lund"))
        let withdrawn = try EntityChange.changes(for: .goalWithdrawn(goalID: "lund.g", party: "lund"), in: state)
        #expect(withdrawn[0].json == nil)
    }
}
