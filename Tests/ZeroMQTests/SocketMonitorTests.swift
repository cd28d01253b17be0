import Foundation
import Testing

@testable import ZeroMQ

@Suite("Socket monitor", .timeLimit(.minutes(2)))
struct SocketMonitorTests {
    /// A SUB connecting to `endpoint` with a monitor, configured by `configure` first.
    private func monitoredSubscriber(
        _ context: ZeroMQContext, to endpoint: String, configure: (Socket) throws -> Void = { _ in }
    ) throws -> (AsyncSocket, SocketMonitor) {
        var monitor: SocketMonitor?
        let sub = try AsyncSocket(context, type: .sub) { socket in
            try socket.set(.linger, 0)
            try socket.subscribe()
            try configure(socket)
            monitor = try SocketMonitor.start(on: socket)
            try socket.connect(endpoint)
        }
        return (sub, try #require(monitor))
    }

    /// The first event whose kind is one of `kinds` (fails after 10 s).
    private func first(_ kinds: Set<SocketEvent.Kind>, from monitor: SocketMonitor) async throws -> SocketEvent {
        try await withTimeout(10) {
            for try await event in monitor.events where kinds.contains(event.kind) { return event }
            throw TimedOut(seconds: 0)
        }
    }

    private static let outcomes: Set<SocketEvent.Kind> = [
        .handshakeSucceeded, .handshakeFailedAuth, .handshakeFailedProtocol, .handshakeFailedNoDetail,
    ]

    /// A CURVE PUB whose ZAP handler admits only `allowed`.
    private func curvePublisher(_ context: ZeroMQContext, allowed: CurveKey) throws -> (Socket, CurveKey, ZAPHandler) {
        let zap = try ZAPHandler.start(context: context) { request in
            request.clientKey == allowed ? .allow(userId: "reader") : .deny(text: "unknown key")
        }
        let server = try ZeroMQ.curveKeypair()
        let pub = try Socket(context, type: .pub)
        try pub.set(.linger, 0)
        try pub.set(.curveServer, true)
        try pub.set(.curveSecretKey, server.secretKey)
        try pub.set(.zapDomain, "test")
        try pub.bind("tcp://127.0.0.1:*")
        return (pub, server.publicKey, zap)
    }

    private func client(_ pair: (publicKey: CurveKey, secretKey: CurveKey), server: CurveKey) -> (Socket) throws -> Void {
        { socket in
            try socket.set(.curveServerKey, server)
            try socket.set(.curvePublicKey, pair.publicKey)
            try socket.set(.curveSecretKey, pair.secretKey)
        }
    }

    @Test func aPlainConnectionReportsItsHandshakeAndTheMonitorEndsWithTheSocket() async throws {
        let context = try ZeroMQContext()
        let pub = try Socket(context, type: .pub)
        try pub.set(.linger, 0)
        try pub.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pub.lastEndpoint)
        let (sub, monitor) = try monitoredSubscriber(context, to: endpoint)
        let event = try await first(Self.outcomes, from: monitor)
        #expect(event.kind == .handshakeSucceeded)
        #expect(event.endpoint == endpoint)
        sub.close()
        // The rest of the events end with monitor-stopped, then the sequence ends.
        let rest = try await withTimeout(10) {
            var kinds: [SocketEvent.Kind] = []
            for try await event in monitor.events { kinds.append(event.kind) }
            return kinds
        }
        #expect(rest.last == .monitorStopped, "\(rest)")
        pub.close()
        await context.shutdownAndWait()
    }

    /// Runs `body` against a CURVE PUB admitting only `allowed` (given the context, the PUB's
    /// endpoint and its public key), then closes what `body` returns, the PUB, the handler and
    /// the context.
    private func withCurvePublisher(
        allowing allowed: CurveKey, _ body: (ZeroMQContext, String, CurveKey) async throws -> [AsyncSocket]
    ) async throws {
        let context = try ZeroMQContext()
        let (pub, serverKey, zap) = try curvePublisher(context, allowed: allowed)
        let sockets = try await body(context, try #require(pub.lastEndpoint), serverKey)
        for socket in sockets { socket.close() }
        pub.close()
        zap.stop()
        await context.shutdownAndWait()
    }

    @Test func aKeyTheZAPHandlerRefusesIsAnAuthFailureWithItsStatus() async throws {
        let allowed = try ZeroMQ.curveKeypair()
        try await withCurvePublisher(allowing: allowed.publicKey) { context, endpoint, serverKey in
            let stranger = try ZeroMQ.curveKeypair()
            let (sub, monitor) = try monitoredSubscriber(context, to: endpoint, configure: client(stranger, server: serverKey))
            let event = try await first(Self.outcomes, from: monitor)
            #expect(event.kind == .handshakeFailedAuth)
            #expect(event.value == 400)
            let (good, goodMonitor) = try monitoredSubscriber(context, to: endpoint, configure: client(allowed, server: serverKey))
            #expect(try await first(Self.outcomes, from: goodMonitor).kind == .handshakeSucceeded)
            return [sub, good]
        }
    }

    /// Both sides check the mechanism; whichever does first wins the race: the client
    /// reports the mismatch, or sees the server close the connection.
    @Test func aPlainSubscriberOfACURVEPublisherFailsItsHandshake() async throws {
        try await withCurvePublisher(allowing: try ZeroMQ.curveKeypair().publicKey) { context, endpoint, _ in
            let (sub, monitor) = try monitoredSubscriber(context, to: endpoint)
            let event = try await first(Self.outcomes, from: monitor)
            let mismatch = event.kind == .handshakeFailedProtocol && event.value == SocketEvent.ProtocolError.mechanismMismatch
            #expect(mismatch || event.kind == .handshakeFailedNoDetail, "\(event)")
            return [sub]
        }
    }

    @Test func theWrongServerKeyFailsTheHandshake() async throws {
        let allowed = try ZeroMQ.curveKeypair()
        try await withCurvePublisher(allowing: allowed.publicKey) { context, endpoint, _ in
            let notTheServer = try ZeroMQ.curveKeypair().publicKey
            let (sub, monitor) = try monitoredSubscriber(context, to: endpoint, configure: client(allowed, server: notTheServer))
            let event = try await first(Self.outcomes, from: monitor)
            #expect(event.kind == .handshakeFailedNoDetail, "\(event)")
            return [sub]
        }
    }

    @Test func eventsDecodeFromLibzmqFrames() {
        var head = [UInt8](repeating: 0, count: 6)
        withUnsafeBytes(of: UInt16(0x4000)) { head.replaceSubrange(0..<2, with: $0) }
        withUnsafeBytes(of: UInt32(400)) { head.replaceSubrange(2..<6, with: $0) }
        let event = SocketEvent(frames: [head, Array("tcp://127.0.0.1:5556".utf8)])
        #expect(event == SocketEvent(kind: .handshakeFailedAuth, value: 400, endpoint: "tcp://127.0.0.1:5556"))
        #expect(event?.description == "handshake-failed-auth 400 tcp://127.0.0.1:5556")
        #expect(SocketEvent(frames: [[1, 2, 3]]) == nil)
    }
}
