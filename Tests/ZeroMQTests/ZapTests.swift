import Testing

@testable import ZeroMQ

/// A ZAP handler can be built on the wrapper: this proves the context sharing, inproc across
/// threads and the `User-Id` accessor, though the library itself ships no handler.
@Suite("ZAP authentication with a handler on AsyncSocket", .timeLimit(.minutes(5)))
struct ZapTests {
    /// Serves ZAP requests (RFC 27) on `inproc://zeromq.zap.01`: 200 with a User-Id for known
    /// CURVE client keys, 400 otherwise.
    private func startHandler(_ context: ZeroMQContext, known: [CurveKey: String]) throws -> (AsyncSocket, Task<Void, any Error>) {
        let handler = try AsyncSocket(context, type: .router) { socket in
            try socket.set(.linger, 0)
            try socket.bind("inproc://zeromq.zap.01")
        }
        let task = Task {
            for try await batch in handler.batches {
                for request in batch {
                    // [peer, "", version, request id, domain, address, identity, mechanism, key]
                    let frames = request.frames
                    guard frames.count >= 9, frames[7] == Array("CURVE".utf8) else { continue }
                    let user = (try? CurveKey(bytes: frames[8])).flatMap { known[$0] }
                    let reply: [[UInt8]] = [
                        frames[0], [], frames[2], frames[3],
                        Array((user == nil ? "400" : "200").utf8),
                        Array((user == nil ? "unknown key" : "OK").utf8),
                        Array((user ?? "").utf8), [],
                    ]
                    try await handler.send(Message(reply))
                }
            }
        }
        return (handler, task)
    }

    @Test func knownKeyGetsItsUserIdAndUnknownKeyIsRefused() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let server = try ZeroMQ.curveKeypair()
        let station = try ZeroMQ.curveKeypair()
        let stranger = try ZeroMQ.curveKeypair()
        let (handler, handling) = try startHandler(context, known: [station.publicKey: "station-42"])

        let router = try AsyncSocket(context, type: .router) { socket in
            try socket.set(.linger, 0)
            try socket.set(.curveServer, true)
            try socket.set(.curveSecretKey, server.secretKey)
            try socket.set(.zapDomain, "klimat")
            try socket.bind("tcp://127.0.0.1:*")
        }
        func client(_ keys: (publicKey: CurveKey, secretKey: CurveKey)) throws -> AsyncSocket {
            try AsyncSocket(context, type: .dealer) { socket in
                try socket.set(.linger, 0)
                try socket.set(.curveServerKey, server.publicKey)
                try socket.set(.curvePublicKey, keys.publicKey)
                try socket.set(.curveSecretKey, keys.secretKey)
                try socket.connect(router.lastEndpoint!)
            }
        }
        let intruder = try client(stranger)
        try await intruder.send(.text("let me in"))
        let good = try client(station)
        try await good.send(.text("observation"))

        let received = try await withTimeout(10) {
            var received: [ReceivedMessage] = []
            for try await batch in router.batches {
                received += batch
                if !received.isEmpty { break }
            }
            return received
        }
        #expect(received.count == 1)
        #expect(received.first?.string(at: 1) == "observation")
        #expect(received.first?.userId == "station-42")
        // The stranger's message never comes.
        let late = try? await withTimeout(0.3) {
            for try await batch in router.batches { return batch }
            return nil
        }
        #expect(late == nil)

        for socket in [router, intruder, good, handler] { socket.close() }
        try await withTimeout(5) { try await handling.value }
    }
}
