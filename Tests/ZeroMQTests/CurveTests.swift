import Testing

@testable import ZeroMQ

@Suite("CURVE keys and encryption", .timeLimit(.minutes(5)))
struct CurveTests {
    @Test func z85RoundTrips() throws {
        // RFC 32's test vector.
        let bytes: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        #expect(try ZeroMQ.z85Encode(bytes) == "HelloWorld")
        #expect(try ZeroMQ.z85Decode("HelloWorld") == bytes)
        let random = (0..<64).map { _ in UInt8.random(in: 0...255) }
        #expect(try ZeroMQ.z85Decode(ZeroMQ.z85Encode(random)) == random)
        #expect(throws: ZeroMQError.invalidArgument) { try ZeroMQ.z85Encode([1, 2, 3]) }
        #expect(throws: ZeroMQError.invalidArgument) { try ZeroMQ.z85Decode("abcd") }
    }

    @Test func keypairKeysConvert() throws {
        let pair = try ZeroMQ.curveKeypair()
        #expect(pair.publicKey.z85.utf8.count == 40)
        #expect(pair.publicKey.bytes.count == 32)
        #expect(try CurveKey(z85: pair.secretKey.z85) == pair.secretKey)
        #expect(try CurveKey(bytes: pair.publicKey.bytes) == pair.publicKey)
        #expect(try ZeroMQ.curvePublicKey(for: pair.secretKey) == pair.publicKey)
        #expect(!pair.secretKey.description.contains(pair.secretKey.z85))
        #expect(throws: ZeroMQError.invalidArgument) { try CurveKey(z85: "too short") }
    }

    /// Sets up a CURVE ROUTER server and a DEALER client that trusts `serverKey`.
    private func curvePair(
        _ fixture: Fixture, clientTrusts serverKey: ((CurveKey) -> CurveKey)? = nil
    ) throws -> (router: Socket, dealer: Socket) {
        let server = try ZeroMQ.curveKeypair()
        let client = try ZeroMQ.curveKeypair()
        let router = try fixture.socket(.router)
        try router.set(.curveServer, true)
        try router.set(.curveSecretKey, server.secretKey)
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try fixture.socket(.dealer)
        try dealer.set(.curveServerKey, serverKey?(server.publicKey) ?? server.publicKey)
        try dealer.set(.curvePublicKey, client.publicKey)
        try dealer.set(.curveSecretKey, client.secretKey)
        try dealer.connect(router.lastEndpoint!)
        return (router, dealer)
    }

    @Test func handshakeWithTheRightServerKeyWorks() throws {
        let fixture = try Fixture()
        let (router, dealer) = try curvePair(fixture)
        #expect(try router.get(.curveServer))
        try dealer.send(.text("secret weather"))
        let request = try router.receive()
        #expect(request.string(at: 1) == "secret weather")
        // No ZAP handler runs, so there is no authenticated identity.
        #expect(request.userId == nil)
        try router.send(Message.text("ack").routed(to: request.frames[0]))
        #expect(try dealer.receive().string(at: 0) == "ack")
    }

    @Test func aWrongServerKeyGetsNothingThrough() throws {
        let fixture = try Fixture()
        let impostor = try ZeroMQ.curveKeypair().publicKey
        let (router, dealer) = try curvePair(fixture, clientTrusts: { _ in impostor })
        try router.set(.receiveTimeout, 300)
        _ = try dealer.trySend(.text("should not arrive"))
        #expect(throws: ZeroMQError.wouldBlock) { try router.receive() }
    }
}
