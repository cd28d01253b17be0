import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

@testable import KlimatnavNode

/// A hub on loopback TCP with a fresh SQLite file, and helpers to connect parties to it.
final class HubFixture: @unchecked Sendable {
    let directory: URL
    let context: ZeroMQContext
    var hub: Hub!
    var hubTask: Task<Void, any Error>?
    /// The running hub's endpoints (``Hub/ready()``).
    var endpoints = HubEndpoints(router: nil, publisher: nil)
    var links: [PartyLink] = []
    var linkTasks: [Task<Void, Never>] = []
    let roster: [Party]
    var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    static let parties: [Party] = [
        Party(id: "lund", kind: .municipality, level: .local, name: "Lund"),
        Party(id: "malmo", kind: .municipality, level: .local, name: "Malmö"),
        Party(id: "formas", kind: .agency, level: .national, name: "Formas"),
        Party(id: "hub", kind: .regionalHub, level: .regional, name: "Skåne hub"),
        Party(id: "coord", kind: .coordinator, level: .national, name: "Viable Cities"),
        Party(id: "sweden", kind: .reference, level: .national, name: "Sverige"),
    ]

    init(roster: [Party] = HubFixture.parties) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-node-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        context = try ZeroMQContext()
        self.roster = roster
    }

    var databasePath: String { directory.appendingPathComponent("hub.db").path }

    /// Starts (or restarts) the hub on the same database.
    func startHub(publish: Bool = false, roster: [Party]? = nil, referenceGoals: [Goal] = []) async throws {
        let store = try HubStore(path: databasePath)
        var options = HubOptions(bind: ["tcp://127.0.0.1:*"], publish: publish ? ["tcp://127.0.0.1:*"] : [], roster: roster ?? self.roster)
        options.referenceGoals = referenceGoals
        try await serve(Hub(context: context, store: store, options: options, logger: logger))
    }

    /// Runs `hub` and waits until it serves.
    func serve(_ hub: Hub) async throws {
        self.hub = hub
        hubTask = Task { try await hub.run() }
        endpoints = try await hub.ready()
    }

    func stopHub() async throws {
        hub.shutdown()
        try await hubTask?.value
        hubTask = nil
    }

    func link(_ party: PartyID, options: LinkOptions = LinkOptions(resendAfterMs: 200)) async throws -> PartyLink {
        let link = try PartyLink(context: context, party: party, endpoint: endpoints.router!, options: options, logger: logger)
        links.append(link)
        linkTasks.append(Task { await link.run() })
        try await link.hello()
        return link
    }

    func store() throws -> HubStore { try HubStore(path: databasePath) }

    func tearDown() async {
        for link in links { await link.close() }
        for task in linkTasks { await task.value }
        hub?.shutdown()
        _ = try? await hubTask?.value
        await context.shutdownAndWait()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A raw DEALER for sending hand-made frames to the hub and reading its answers.
final class RawPeer: Sendable {
    let socket: AsyncSocket

    init(_ fixture: HubFixture) throws {
        let endpoint = fixture.endpoints.router!
        socket = try AsyncSocket(fixture.context, type: .dealer) { socket in
            try socket.set(.linger, 0)
            try socket.connect(endpoint)
        }
    }

    /// Sends `frames` and returns the hub's answer, decoded. HEARTBEATs the hub sends on its
    /// own meanwhile (protocol section 9) are not answers and are passed over.
    func exchange(_ frames: [[UInt8]]) async throws -> WireMessage {
        try await socket.send(Message(frames))
        var iterator = socket.batches.makeAsyncIterator()
        while let batch = try await iterator.next() {
            for received in batch {
                let message = try WireCodec.decode(frames: received.frames)
                if case .heartbeat = message { continue }
                return message
            }
        }
        throw CancellationError()
    }

    func exchange(_ message: WireMessage) async throws -> WireMessage {
        try await exchange(WireCodec.encode(message))
    }

    func close() { socket.close() }
}

extension Goal {
    static func sample(_ party: PartyID, _ slug: String, year: Int = 2030) -> Goal {
        Goal(
            id: "\(party).\(slug)", party: party, scopes: [1, 2], reductionPercent: 70, baseYear: 1990, basis: .absolute, targetYear: year,
            text: "cut 70 %")
    }
}
