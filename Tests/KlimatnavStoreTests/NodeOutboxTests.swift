import Foundation
import Testing

@testable import KlimatnavStore

@Suite struct NodeOutboxTests {
    func entry(_ seq: UInt64, _ key: String? = nil) -> NodeOutbox.Entry {
        NodeOutbox.Entry(sequence: seq, key: key, type: "goal", body: Data("{\"n\":\(seq)}".utf8))
    }

    @Test func keepsMessagesUntilAnsweredAndSurvivesReopening() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("node.outbox")
        do {
            let outbox = try NodeOutbox(path: path)
            #expect(try outbox.highestSequence() == 0)
            try await outbox.append([entry(1, "m0"), entry(2, "m1"), entry(3, "m2")])
            try await outbox.record([
                .init(sequence: 1, acknowledged: true, stateSequence: 7),
                .init(sequence: 2, acknowledged: false, code: "not-authorized", reason: "no"),
            ])
            // An answer to an answered or unknown number changes nothing.
            try await outbox.record([.init(sequence: 2, acknowledged: true), .init(sequence: 99, acknowledged: true)])
        }
        let reopened = try NodeOutbox(path: path)
        #expect(try reopened.pending().map(\.sequence) == [3])
        #expect(try reopened.pending().first?.body == Data("{\"n\":3}".utf8))
        #expect(try reopened.highestSequence() == 3)
        let counts = try reopened.counts()
        #expect(counts.pending == 1 && counts.acknowledged == 1 && counts.refused == 1)
        let byKey = try reopened.latestByKey()
        #expect(byKey["m0"]?.state == .acknowledged && byKey["m0"]?.stateSequence == 7)
        #expect(byKey["m1"]?.state == .refused && byKey["m1"]?.code == "not-authorized")
        #expect(byKey["m2"]?.state == .pending)
    }

    @Test func aNumberIsNeverWrittenTwiceAndTheFloorRises() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outbox = try NodeOutbox(path: dir.path("node.outbox"))
        try await outbox.append([entry(1)])
        await #expect(throws: StoreError.self) { try await outbox.append([entry(1)]) }
        try await outbox.raiseFloor(to: 40)
        try await outbox.raiseFloor(to: 20)
        #expect(try outbox.highestSequence() == 40)
        #expect(try outbox.all().count == 1)
    }
}
