import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

@testable import KlimatnavNode

/// A CURVE hub with a keys directory, and helpers to make keys and CURVE peers.
final class SecureHubFixture: @unchecked Sendable {
    let base: HubFixture
    let keysDirectory: String
    let nodeKeysDirectory: String
    let hubKeys: (publicKey: CurveKey, secretKey: CurveKey)
    var security: HubSecurity!

    init() throws {
        base = try HubFixture()
        keysDirectory = base.directory.appendingPathComponent("authorized").path
        nodeKeysDirectory = base.directory.appendingPathComponent("nodes").path
        try FileManager.default.createDirectory(atPath: keysDirectory, withIntermediateDirectories: true)
        hubKeys = try ZeroMQ.curveKeypair()
    }

    var context: ZeroMQContext { base.context }
    var hub: Hub { base.hub }
    var endpoints: HubEndpoints { base.endpoints }

    /// Generates a key pair for `party` and authorizes it (unless `authorize` is false).
    @discardableResult
    func makeKey(_ party: PartyID, authorize: Bool = true) throws -> CurveClient {
        let generated = try KeyFile.generate(name: party.rawValue, directory: nodeKeysDirectory, force: true)
        if authorize {
            try KeyFile.writePublic(generated.publicKey, name: party.rawValue, to: "\(keysDirectory)/\(party).pub")
        }
        let pair = try KeyFile.readSecret(generated.secretPath)
        return CurveClient(publicKey: pair.publicKey, secretKey: pair.secretKey, serverKey: hubKeys.publicKey)
    }

    /// A key pair the hub has never heard of.
    func strangerKey() throws -> CurveClient {
        let pair = try ZeroMQ.curveKeypair()
        return CurveClient(publicKey: pair.publicKey, secretKey: pair.secretKey, serverKey: hubKeys.publicKey)
    }

    func startHub(publish: Bool = false) async throws {
        security = try HubSecurity(
            keyPair: hubKeys, keysDirectory: keysDirectory, roster: base.roster, reloadInterval: .milliseconds(200))
        let store = try HubStore(path: base.databasePath)
        var options = HubOptions(
            bind: ["tcp://127.0.0.1:*"], publish: publish ? ["tcp://127.0.0.1:*"] : [], roster: base.roster)
        options.security = security
        try await base.serve(Hub(context: base.context, store: store, options: options, logger: base.logger))
    }

    func link(_ party: PartyID, curve: CurveClient, hello: Bool = true) async throws -> PartyLink {
        let link = try PartyLink(
            context: context, party: party, endpoint: base.endpoints.router!,
            options: LinkOptions(resendAfterMs: 200), logger: base.logger, curve: curve)
        base.links.append(link)
        base.linkTasks.append(Task { await link.run() })
        if hello { try await link.hello() }
        return link
    }

    func store() throws -> HubStore { try base.store() }

    func tearDown() async { await base.tearDown() }
}

/// A raw DEALER that may be a CURVE client.
final class CurvePeer: Sendable {
    let socket: AsyncSocket

    init(_ fixture: SecureHubFixture, curve: CurveClient?) throws {
        let endpoint = fixture.endpoints.router!
        socket = try AsyncSocket(fixture.context, type: .dealer) { socket in
            try socket.set(.linger, 0)
            try curve?.configure(socket)
            try socket.connect(endpoint)
        }
    }

    /// Sends `frames` and returns the first answer, or `nil` if none comes within `seconds`.
    func exchange(_ frames: [[UInt8]], within seconds: Double = 2) async throws -> WireMessage? {
        try await socket.send(Message(frames))
        return try await next(within: seconds)
    }

    func exchange(_ message: WireMessage, within seconds: Double = 2) async throws -> WireMessage? {
        try await exchange(WireCodec.encode(message), within: seconds)
    }

    func next(within seconds: Double) async throws -> WireMessage? {
        let socket = self.socket
        return try await withThrowingTaskGroup(of: WireMessage?.self) { group in
            group.addTask {
                var iterator = socket.batches.makeAsyncIterator()
                guard let batch = try await iterator.next(), let first = batch.first else { return nil }
                return try WireCodec.decode(frames: first.frames)
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    func close() { socket.close() }
}

func helloFrames(_ party: PartyID) throws -> [[UInt8]] {
    try WireCodec.encode(.hello(Hello(party: party, software: "test", lastSequence: 0)))
}

func goalFrames(_ sequence: UInt64, _ goal: Goal) throws -> [[UInt8]] {
    try WireCodec.encode(.domain(DomainMessage(sequence: sequence, event: .goalAsserted(goal))))
}
