import Testing

@testable import ZeroMQ

@Suite("Options, errors and library facts", .timeLimit(.minutes(5)))
struct OptionsAndErrorsTests {
    @Test func versionAndCapabilities() {
        let version = ZeroMQ.version
        #expect(version.major == 4)
        #expect(version.minor >= 3)
        #expect(ZeroMQ.has("curve"))
        #expect(ZeroMQ.has("ipc"))
        #expect(!ZeroMQ.has("no-such-capability"))
    }

    @Test func bindingAnUnknownTransportNamesTheErrno() throws {
        let fixture = try Fixture()
        let socket = try fixture.socket(.pull)
        let error = try #require(throws: ZeroMQError.self) { try socket.bind("carrier-pigeon://roof") }
        #expect(error.name == "EPROTONOSUPPORT")
        #expect(error.operation == "zmq_bind(carrier-pigeon://roof)")
        #expect(error.description.contains("zmq_bind"))
        #expect(error.description.contains("EPROTONOSUPPORT"))
        #expect(!error.message.isEmpty)
    }

    @Test func malformedEndpointIsInvalid() throws {
        let fixture = try Fixture()
        let socket = try fixture.socket(.push)
        let error = try #require(throws: ZeroMQError.self) { try socket.connect("tcp://") }
        #expect(error == .invalidArgument)
        #expect(error.name == "EINVAL")
    }

    @Test func addressInUse() throws {
        let fixture = try Fixture()
        let first = try fixture.socket(.pull)
        try first.bind("tcp://127.0.0.1:*")
        let second = try fixture.socket(.pull)
        let error = try #require(throws: ZeroMQError.self) { try second.bind(first.lastEndpoint!) }
        #expect(error.name == "EADDRINUSE")
    }

    @Test func socketAfterContextShutdownFailsWithETERM() throws {
        let context = try ZeroMQContext()
        context.shutdown()
        context.shutdown()  // idempotent
        #expect(context.isShutDown)
        let error = try #require(throws: ZeroMQError.self) { try Socket(context, type: .pair) }
        #expect(error == .contextTerminated)
        #expect(error.name == "ETERM")
    }

    @Test func closedSocketRefusesWork() throws {
        let fixture = try Fixture()
        let socket = try fixture.socket(.push)
        socket.close()
        socket.close()  // idempotent
        #expect(socket.isClosed)
        #expect(throws: ZeroMQError.self) { try socket.bind("inproc://closed") }
    }

    @Test func optionsRoundTrip() throws {
        let fixture = try Fixture()
        let socket = try fixture.socket(.dealer)
        try socket.set(.sendHighWaterMark, 1234)
        try socket.set(.receiveHighWaterMark, 4321)
        try socket.set(.linger, 250)
        try socket.set(.maxMessageSize, 5_000_000_000)
        try socket.set(.heartbeatInterval, 1000)
        try socket.set(.heartbeatTimeout, 3000)
        try socket.set(.heartbeatTTL, 6000)
        try socket.set(.reconnectInterval, 50)
        try socket.set(.reconnectIntervalMax, 2000)
        try socket.set(.immediate, true)
        try socket.set(.routingId, Array("me".utf8))
        try socket.set(.zapDomain, "klimat")
        #expect(try socket.get(.sendHighWaterMark) == 1234)
        #expect(try socket.get(.receiveHighWaterMark) == 4321)
        #expect(try socket.get(.linger) == 250)
        #expect(try socket.get(.maxMessageSize) == 5_000_000_000)
        #expect(try socket.get(.heartbeatInterval) == 1000)
        #expect(try socket.get(.heartbeatTimeout) == 3000)
        #expect(try socket.get(.heartbeatTTL) == 6000)
        #expect(try socket.get(.reconnectInterval) == 50)
        #expect(try socket.get(.reconnectIntervalMax) == 2000)
        #expect(try socket.get(.immediate) == true)
        #expect(try socket.get(.routingId) == Array("me".utf8))
        #expect(try socket.get(.zapDomain) == "klimat")
        // An int option out of Int32 range is rejected, not truncated.
        #expect(throws: ZeroMQError.invalidArgument) { try socket.set(.linger, Int(Int32.max) + 1) }
    }

    /// `User-Id` is read only when a ZAP handler can have set it: a security mechanism or a
    /// ZAP domain. The flag follows every option change.
    @Test func authenticatesPeersFollowsTheSecurityOptions() throws {
        let fixture = try Fixture()
        let plain = try fixture.socket(.router)
        #expect(!plain.authenticatesPeers)
        #expect(try plain.get(.mechanism) == 0)
        try plain.set(.linger, 0)
        #expect(!plain.authenticatesPeers)
        try plain.set(.zapDomain, "open")
        #expect(plain.authenticatesPeers)

        let server = try fixture.socket(.router)
        let keys = try ZeroMQ.curveKeypair()
        try server.set(.curveServer, true)
        try server.set(.curveSecretKey, keys.secretKey)
        #expect(try server.get(.mechanism) != 0)
        #expect(server.authenticatesPeers)
    }
}
