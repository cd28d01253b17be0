import Foundation
import Synchronization
import Testing

@testable import ZeroMQ

@Suite("ZAP handler", .timeLimit(.minutes(5)))
struct ZAPHandlerTests {
    /// A CURVE ROUTER server in `fixture`'s context (create it after the handler).
    private func curveServer(_ fixture: Fixture, domain: String = "test") throws -> (Socket, CurveKey) {
        let server = try ZeroMQ.curveKeypair()
        let router = try fixture.socket(.router)
        try router.set(.curveServer, true)
        try router.set(.curveSecretKey, server.secretKey)
        try router.set(.zapDomain, domain)
        router.readsProperties = ["X-Key"]
        try router.bind("tcp://127.0.0.1:*")
        return (router, server.publicKey)
    }

    private func curveClient(
        _ fixture: Fixture, to router: Socket, serverKey: CurveKey, key: (publicKey: CurveKey, secretKey: CurveKey)
    ) throws -> Socket {
        let dealer = try fixture.socket(.dealer)
        try dealer.set(.curveServerKey, serverKey)
        try dealer.set(.curvePublicKey, key.publicKey)
        try dealer.set(.curveSecretKey, key.secretKey)
        try dealer.connect(router.lastEndpoint!)
        return dealer
    }

    @Test func aKnownKeyConnectsAndCarriesItsUserId() throws {
        let fixture = try Fixture()
        let known = try ZeroMQ.curveKeypair()
        let seen = Recorded<ZAPRequest>()
        let zap = try ZAPHandler.start(context: fixture.context) { request in
            seen.append(request)
            guard request.clientKey == known.publicKey else { return .deny(text: "unknown key") }
            return .allow(userId: "alice", metadata: ["X-Key": known.publicKey.z85])
        }
        defer { zap.stop() }
        let (router, serverKey) = try curveServer(fixture)
        let dealer = try curveClient(fixture, to: router, serverKey: serverKey, key: known)
        try dealer.send(.text("hello"))
        let message = try router.receive()
        #expect(message.string(at: 1) == "hello")
        #expect(message.userId == "alice")
        #expect(message.properties["X-Key"] == known.publicKey.z85)
        let request = try #require(seen.all.first)
        #expect(request.domain == "test")
        #expect(request.mechanism == "CURVE")
        #expect(request.address == "127.0.0.1")
        #expect(request.clientKeyZ85 == known.publicKey.z85)
        #expect(zap.counts.allowed == 1)
    }

    /// An `AsyncSocket` ROUTER polls before reading; the User-Id must survive that (libzmq
    /// leaves the metadata off the routing-id frame it prefetches) even with a chosen routing id.
    @Test func anAsyncRouterSeesTheUserId() async throws {
        let fixture = try Fixture()
        let known = try ZeroMQ.curveKeypair()
        let server = try ZeroMQ.curveKeypair()
        let zap = try ZAPHandler.start(context: fixture.context) { _ in .allow(userId: "alice", metadata: ["X-Key": "k"]) }
        // zap.stop() waits on a semaphore: not on the cooperative pool; context shutdown ends it.
        let router = try AsyncSocket(fixture.context, type: .router) { socket in
            try socket.set(.linger, 0)
            try socket.set(.curveServer, true)
            try socket.set(.curveSecretKey, server.secretKey)
            socket.readsProperties = ["X-Key"]
            try socket.bind("tcp://127.0.0.1:*")
        }
        defer { router.close() }
        let dealer = try fixture.socket(.dealer)
        try dealer.set(.routingId, Array("alice-node".utf8))
        try dealer.set(.curveServerKey, server.publicKey)
        try dealer.set(.curvePublicKey, known.publicKey)
        try dealer.set(.curveSecretKey, known.secretKey)
        try dealer.connect(router.lastEndpoint!)
        try await Task.sleep(for: .milliseconds(200))  // the router sleeps in zmq_poll first
        try dealer.send(.text("one"))
        try dealer.send(.text("two"))
        var seen: [ReceivedMessage] = []
        for try await batch in router.batches {
            seen += batch
            if seen.count >= 2 { break }
        }
        #expect(seen.map(\.userId) == ["alice", "alice"])
        #expect(seen.map { $0.properties["X-Key"] } == ["k", "k"])
        #expect(seen.first?.frames.first == Array("alice-node".utf8))
        #expect(zap.isRunning)
    }

    @Test func anUnknownKeyGetsNoConnection() throws {
        let fixture = try Fixture()
        let known = try ZeroMQ.curveKeypair()
        let zap = try ZAPHandler.start(context: fixture.context) { request in
            request.clientKey == known.publicKey ? .allow(userId: "alice") : .deny(text: "unknown key")
        }
        defer { zap.stop() }
        let (router, serverKey) = try curveServer(fixture)
        try router.set(.receiveTimeout, 300)
        let stranger = try curveClient(fixture, to: router, serverKey: serverKey, key: try ZeroMQ.curveKeypair())
        _ = try stranger.trySend(.text("let me in"))
        #expect(throws: ZeroMQError.wouldBlock) { try router.receive() }
        #expect(zap.counts.denied >= 1)
        #expect(zap.counts.allowed == 0)
        // The known key still gets through on the same server.
        let friend = try curveClient(fixture, to: router, serverKey: serverKey, key: known)
        try friend.send(.text("hi"))
        try router.set(.receiveTimeout, 2000)
        #expect(try router.receive().userId == "alice")
    }

    /// NULL mechanism with a ZAP domain: libzmq asks the handler (mechanism "NULL", no
    /// credentials) and the authenticator decides; without a domain it is never asked.
    @Test func nullMechanismWithADomainIsDecidedByTheAuthenticator() throws {
        let fixture = try Fixture()
        let mechanisms = Recorded<String>()
        let zap = try ZAPHandler.start(context: fixture.context) { request in
            mechanisms.append(request.mechanism)
            return request.domain == "open" ? .allow(userId: "anonymous") : .deny(text: "CURVE required")
        }
        defer { zap.stop() }
        for (domain, admitted) in [("closed", false), ("open", true)] {
            let pull = try fixture.socket(.pull)
            try pull.set(.zapDomain, domain)
            try pull.set(.receiveTimeout, 300)
            let push = try fixture.socket(.push)
            try fixture.link(pull, push, over: .tcp)
            _ = try push.trySend(.text("plain"))
            if admitted {
                let message = try pull.receive()
                #expect(message.userId == "anonymous")
            } else {
                #expect(throws: ZeroMQError.wouldBlock) { try pull.receive() }
            }
        }
        #expect(mechanisms.all.allSatisfy { $0 == "NULL" })
        // No domain: the handler is not consulted.
        let before = zap.counts.served
        let pull = try fixture.socket(.pull)
        let push = try fixture.socket(.push)
        try fixture.link(pull, push, over: .tcp)
        try push.send(.text("plain"))
        #expect(try pull.receive().userId == nil)
        #expect(zap.counts.served == before)
    }

    @Test func aSecondHandlerInOneContextFailsAndStopEndsTheThread() throws {
        let fixture = try Fixture()
        let zap = try ZAPHandler.start(context: fixture.context) { _ in .deny(text: "no") }
        #expect(throws: ZeroMQError.self) {
            _ = try ZAPHandler.start(context: fixture.context) { _ in .allow(userId: "x") }
        }
        #expect(zap.isRunning)
        zap.stop()
        #expect(!zap.isRunning)
        zap.stop()
        // The endpoint is free again.
        let again = try ZAPHandler.start(context: fixture.context) { _ in .deny(text: "no") }
        again.stop()
    }

    @Test func contextShutdownEndsTheHandler() throws {
        let context = try ZeroMQContext()
        let zap = try ZAPHandler.start(context: context) { _ in .deny(text: "no") }
        context.shutdown()  // returns once the handler thread closed its socket
        zap.stop()  // joins the thread
        #expect(!zap.isRunning)
    }

    @Test func metadataEncoding() {
        #expect(ZAPHandler.encode(["X-A": "b"]) == [3, 88, 45, 65, 0, 0, 0, 1, 98])
        #expect(ZAPHandler.encode([:]).isEmpty)
    }
}

/// What a ZAP authenticator was asked, recorded from its thread.
private final class Recorded<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])
    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}
