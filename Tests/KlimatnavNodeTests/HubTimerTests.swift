import Foundation
import KlimatnavWire
import Testing

@testable import KlimatnavNode

/// The hub's timer task on a clock the test moves (``ManualClock``): heartbeats and silent
/// sessions follow the injected clock, over a real ROUTER socket, with no waiting on real time.
@Suite(.timeLimit(.minutes(1))) struct HubTimerTests {
    /// Waits until the hub's timer sleeps on `clock` again (its tick is done).
    func timerAsleep(_ clock: ManualClock) async throws {
        for _ in 0..<2000 where clock.sleeperCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(clock.sleeperCount == 1, "the timer sleeps on the injected clock")
    }

    /// Moves `clock` in half-interval steps, letting each tick finish.
    func advance(_ clock: ManualClock, by steps: Int) async throws {
        for _ in 0..<steps {
            clock.advance(by: .milliseconds(500))
            try await timerAsleep(clock)
        }
    }

    @Test func heartbeatsAndExpiryFollowTheInjectedClock() async throws {
        let fixture = try HubFixture()
        let clock = ManualClock()
        let options = HubOptions(
            bind: ["tcp://127.0.0.1:*"], roster: HubFixture.parties, heartbeatIntervalMs: 1000, heartbeatLiveness: 3)
        try await fixture.serve(
            Hub(context: fixture.context, store: try fixture.store(), options: options, logger: fixture.logger, clock: clock))
        let hub = fixture.hub!
        try await timerAsleep(clock)
        let peer = try RawPeer(fixture)
        defer { peer.close() }
        guard case .welcome = try await peer.exchange(.hello(Hello(party: "lund", software: "t", lastSequence: 0))) else {
            Issue.record("no WELCOME")
            return
        }
        // One interval after the WELCOME on the injected clock: a HEARTBEAT with the next
        // number the hub expects from lund.
        try await advance(clock, by: 3)
        var replies = peer.socket.batches.makeAsyncIterator()
        let frames = try #require(try await replies.next()?.first?.frames)
        #expect(try WireCodec.decode(frames: frames) == .heartbeat(Heartbeat(sequence: 1)))
        #expect(await hub.sessionCount == 1)
        // Silent for interval × liveness (3 s): the session is forgotten.
        try await advance(clock, by: 4)
        #expect(await hub.sessionCount == 0)
        #expect(await hub.expiredSessions == 1)
        await fixture.tearDown()
    }
}
