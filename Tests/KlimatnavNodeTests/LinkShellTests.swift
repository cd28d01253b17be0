import Foundation
import KlimatnavCore
import KlimatnavStore
import Synchronization
import Testing

@testable import KlimatnavNode

/// The link's shell without a hub: waits end on close, submissions keep their order, and the
/// loops of `run()` end with it.
@Suite(.timeLimit(.minutes(1))) struct LinkShellTests {
    /// A link to an endpoint where nobody listens (ZeroMQ connects in the background).
    func lonelyLink(_ fixture: HubFixture, outbox: NodeOutbox? = nil) throws -> PartyLink {
        var options = LinkOptions(resendAfterMs: 200)
        options.outbox = outbox
        return try PartyLink(
            context: fixture.context, party: "lund", endpoint: "tcp://127.0.0.1:9", options: options, logger: fixture.logger)
    }

    @Test func concurrentSubmissionsAreNumberedAndWrittenInOrder() async throws {
        let fixture = try HubFixture()
        let outbox = try NodeOutbox(path: fixture.directory.appendingPathComponent("lund.outbox").path)
        let link = try lonelyLink(fixture, outbox: outbox)
        // Submitted before run() starts: they wait for its submission loop.
        let bursts = (0..<8).map { burst in
            Task {
                try await link.submit(contentsOf: (0..<5).map { (.goalAsserted(.sample("lund", "b\(burst)-\($0)")), "b\(burst)-\($0)") })
            }
        }
        let running = Task { await link.run() }
        var all: [UInt64] = []
        for burst in bursts {
            let sequences = try await burst.value
            #expect(sequences == Array(sequences[0]..<sequences[0] + 5))
            all += sequences
        }
        #expect(all.sorted() == Array(1...40))
        #expect(try outbox.pending().map(\.sequence) == Array(1...40))
        #expect(await link.unanswered == 40)
        await link.close()
        await running.value
        await fixture.context.shutdownAndWait()
        try? FileManager.default.removeItem(at: fixture.directory)
    }

    @Test func closeEndsEveryPendingWait() async throws {
        let fixture = try HubFixture()
        let link = try lonelyLink(fixture)
        let running = Task { await link.run() }
        let sequence = try await link.submit(.goalAsserted(.sample("lund", "g")))
        let hello = Task { try await link.hello() }
        let answer = Task { await link.outcome(of: sequence) }
        let snapshot = Task { try await link.requestSnapshot() }
        let flushed = Task { await link.flush() }
        // Let them all start waiting (the hub never answers).
        while await link.waiting < 4 { await Task.yield() }
        await link.close()
        await #expect(throws: CancellationError.self) { try await hello.value }
        await #expect(throws: CancellationError.self) { try await snapshot.value }
        #expect(await answer.value == .refused(sequence: sequence, code: .internalError, reason: "the link closed before the hub answered"))
        await flushed.value
        await running.value
        // run() ended: a new submission is refused with a clear error, nothing is queued.
        await #expect(throws: LinkClosed.self) { try await link.submit(.goalAsserted(.sample("lund", "late"))) }
        #expect(await link.unanswered == 1)
        await fixture.context.shutdownAndWait()
        try? FileManager.default.removeItem(at: fixture.directory)
    }

    /// The shell decides by the injected time: the hub taken for dead when the clock jumps
    /// past interval × liveness, and the session taken up again.
    @Test func theInjectedTimeDrivesTheTicker() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub()
        let time = Mutex(Date())
        let link = try PartyLink(
            context: fixture.context, party: "lund", endpoint: fixture.endpoints.router!, options: LinkOptions(resendAfterMs: 200),
            logger: fixture.logger, curve: nil, clock: ContinuousClock(), now: { time.withLock { $0 } })
        let running = Task { await link.run() }
        try await link.hello()
        #expect(await link.hubSilences == 0)
        // A minute passes for the link at every step (a message from the hub between the
        // jump and the tick would count as word from it, so jump until a tick sees silence).
        while await link.hubSilences == 0 {
            time.withLock { $0 += 60 }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await link.hello()
        #expect(try await link.deliver(.goalAsserted(.sample("lund", "after"))).isAcknowledged)
        await link.close()
        await running.value
        await fixture.tearDown()
    }

    /// A wait with a deadline ends when the link's injected time passes it, with no answer
    /// and nothing lost: the message stays unanswered in the outbox.
    @Test func waitsWithADeadlineEndOnTheInjectedTime() async throws {
        let fixture = try HubFixture()
        let time = Mutex(Date())
        let link = try PartyLink(
            context: fixture.context, party: "lund", endpoint: "tcp://127.0.0.1:9", options: LinkOptions(resendAfterMs: 200),
            logger: fixture.logger, curve: nil, clock: ContinuousClock(), now: { time.withLock { $0 } })
        let running = Task { await link.run() }
        let welcomed = Task { try await link.hello(within: .seconds(30)) }
        while await link.waiting == 0 { await Task.yield() }
        time.withLock { $0 += 29 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await link.waiting == 1, "29 of 30 s passed: still waiting")
        time.withLock { $0 += 2 }
        #expect(try await welcomed.value == false)
        let sequence = try await link.submit(.goalAsserted(.sample("lund", "unanswered")))
        let answer = Task { await link.outcome(of: sequence, within: .seconds(5)) }
        while await link.waiting == 0 { await Task.yield() }
        time.withLock { $0 += 6 }
        #expect(await answer.value == nil)
        #expect(await link.unanswered == 1)
        await link.close()
        await running.value
        await fixture.context.shutdownAndWait()
        try? FileManager.default.removeItem(at: fixture.directory)
    }
}
