import Foundation
import Hummingbird
import HummingbirdTesting
import KlimatnavCore
import KlimatnavDashboard
import KlimatnavReport
import KlimatnavStore
import KlimatnavWire
import Logging
import Testing
import Yams
import ZeroMQ

@Suite("Dashboard live feed", .timeLimit(.minutes(5)))
struct LiveFeedTests {
    static func gapFrames(_ gap: Gap, _ change: GapChange, sequence: UInt64) throws -> [[UInt8]] {
        try WireCodec.encode(
            .gap(GapMessage(stateSequence: sequence, change: change, at: Date(timeIntervalSince1970: 1_800_000_000), gap: gap)))
    }

    @Test("an event published on a real ZeroMQ PUB socket reaches an SSE client over HTTP")
    func sseFromPub() async throws {
        let fixture = try await DashboardFixture()
        defer { fixture.remove() }
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let publisher = try AsyncSocket(context, type: .pub) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        defer { publisher.close() }
        let endpoint = try #require(publisher.lastEndpoint)
        let feed = try LiveFeed(context: context, endpoint: endpoint)
        let reader = Task { await feed.run() }
        defer {
            feed.close()
            reader.cancel()
        }
        // Publish until the stream has what it needs (PUB drops messages until SUB has joined).
        let frames = try Self.gapFrames(DashboardFixture.governance, .resolved, sequence: 7)
        let pump = Task {
            while !Task.isCancelled {
                try? await publisher.send(Message(frames))
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { pump.cancel() }
        let dashboard = Dashboard(store: fixture.store, feed: feed, heartbeat: .milliseconds(100))
        let app = Application(router: dashboard.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let body = try await withTimeout(20) {
            try await app.test(.live) { client in
                try await client.execute(uri: "/events?max=2", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
                    return String(buffer: response.body)
                }
            }
        }
        #expect(body.hasPrefix("retry: 2000\n"))
        #expect(body.contains("event: status\ndata: {\"state\":"))
        let events = body.components(separatedBy: "\n\n").filter { $0.contains("event: gap") }
        #expect(events.count == 2)
        let first = try #require(events.first)
        #expect(first.contains("id: "))
        let data = try #require(first.split(separator: "\n").first { $0.hasPrefix("data: ") }).dropFirst(6)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(object["change"] as? String == "resolved")
        let gap = try #require(object["gap"] as? [String: Any])
        #expect(gap["id"] as? String == DashboardFixture.governance.id)
        #expect(gap["status"] as? String == "resolved")
        // The sentence as the pages say it, in both languages, so a Swedish page shows Swedish.
        let sentence = try #require(object["sentence"] as? [String: String])
        let state = try await ReportModel.load(from: fixture.store).state
        #expect(sentence["sv"] == GapSentence.text(DashboardFixture.governance, in: state, Catalogue(.sv)))
        #expect(sentence["en"] == GapSentence.text(DashboardFixture.governance, in: state, Catalogue(.en)))
        #expect(sentence["sv"] != sentence["en"])
        #expect(feed.receivedCount >= 2)
        #expect(feed.recent().first?.record.gap.id == DashboardFixture.governance.id)
    }

    @Test("the feed's status follows the PUB socket: connected, lost when it closes, connected again when it is back")
    func statusFollowsThePublisher() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let first = try await Self.publisher(context, "tcp://127.0.0.1:*")
        let endpoint = try #require(first.lastEndpoint)
        let feed = try LiveFeed(context: context, endpoint: endpoint)
        #expect(LiveFeed().status == .none)
        let reader = Task { await feed.run() }
        defer {
            feed.close()
            reader.cancel()
        }
        let states = feed.statusUpdates()
        let seen = try await withTimeout(30) {
            var seen: [FeedStatus.State] = []
            var restarted: AsyncSocket?
            for await status in states {
                if seen.last != status.state { seen.append(status.state) }
                if status.state == .connected && seen.contains(.disconnected) { break }
                if status.state == .connected {
                    first.close()
                    await first.waitUntilClosed()
                } else if status.state == .disconnected && restarted == nil {
                    restarted = try await Self.publisher(context, endpoint)
                }
            }
            restarted?.close()
            return seen
        }
        #expect(seen.first == .connecting || seen.first == .connected, "\(seen)")
        #expect(Array(seen.drop { $0 == .connecting }.prefix(3)) == [.connected, .disconnected, .connected], "\(seen)")
    }

    @Test("a refused feed says so, asks again by itself and follows once the hub admits its key")
    func refusedThenAdmitted() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let admitted = Switch()
        let client = try ZeroMQ.curveKeypair()
        let zap = try ZAPHandler.start(context: context) { request in
            admitted.isOn && request.clientKey == client.publicKey ? .allow(userId: "dashboard") : .deny(text: "unknown key")
        }
        defer { zap.stop() }
        let server = try ZeroMQ.curveKeypair()
        let publisher = try AsyncSocket(context, type: .pub) { socket in
            try socket.set(.linger, 0)
            try socket.set(.curveServer, true)
            try socket.set(.curveSecretKey, server.secretKey)
            try socket.set(.zapDomain, "test")
            try socket.bind("tcp://127.0.0.1:*")
        }
        defer { publisher.close() }
        let feed = try LiveFeed(context: context, endpoint: try #require(publisher.lastEndpoint), refusalRetry: .milliseconds(100)) {
            socket in
            try socket.set(.curveServerKey, server.publicKey)
            try socket.set(.curvePublicKey, client.publicKey)
            try socket.set(.curveSecretKey, client.secretKey)
        }
        let reader = Task { await feed.run() }
        defer {
            feed.close()
            reader.cancel()
        }
        let states = feed.statusUpdates()
        let refusal = try await withTimeout(30) {
            var refusal: FeedStatus?
            for await status in states {
                if status.state == .refused && refusal == nil {
                    refusal = status
                    admitted.turnOn()
                }
                if status.state == .connected { break }
            }
            return refusal
        }
        #expect(refusal?.refusal == .keyNotAuthorized(zapStatus: 400))
        #expect(feed.status == .connected)
        #expect(zap.counts.denied >= 1)
        #expect(zap.counts.allowed == 1)
    }

    /// A PUB bound to `endpoint`; tries again while the port is still held by a PUB closed
    /// just before (libzmq releases it in the background).
    static func publisher(_ context: ZeroMQContext, _ endpoint: String) async throws -> AsyncSocket {
        var attempts = 0
        while true {
            do {
                return try AsyncSocket(context, type: .pub) { socket in
                    try socket.set(.linger, 0)
                    try socket.bind(endpoint)
                }
            } catch  where attempts < 50 {
                attempts += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    @Test("a reconnecting client gets what it missed (Last-Event-ID); slow clients are bounded")
    func replayAndBound() async throws {
        let feed = LiveFeed()
        for index in 0..<5 {
            feed.publish(GapMessage(stateSequence: UInt64(index), change: .opened, at: Date(), gap: DashboardFixture.ambition))
        }
        var replayed: [UInt64] = []
        for await event in feed.subscribe(after: 3) {
            replayed.append(event.id)
            if replayed.count == 2 { break }
        }
        #expect(replayed == [4, 5])
        let stream = feed.subscribe()
        for _ in 0..<(LiveFeed.subscriberBuffer + 50) {
            feed.publish(GapMessage(stateSequence: 1, change: .changed, at: Date(), gap: DashboardFixture.ambition))
        }
        feed.close()
        var count = 0
        for await _ in stream { count += 1 }
        #expect(count == LiveFeed.subscriberBuffer)
        #expect(feed.subscriberCount == 0)
    }
}

/// A flag one thread turns on and another reads.
final class Switch: @unchecked Sendable {
    private let lock = NSLock()
    private var on = false
    var isOn: Bool { lock.withLock { on } }
    func turnOn() { lock.withLock { on = true } }
}
