import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

/// The hub: receives every party's messages on a ROUTER socket, validates and authorizes
/// them, persists them (group commit) before acknowledging, keeps the shared state and the
/// open gaps, and publishes deltas and gap events on a PUB socket.
///
/// Sockets live on their own I/O threads (``AsyncSocket``); SQLite runs on GRDB's queues.
/// The actor itself only decides, so it never blocks the cooperative pool.
public actor Hub {
    let options: HubOptions
    let store: HubStore
    let logger: Logger
    let router: AsyncSocket
    let publisher: AsyncSocket?
    /// Every decision about received messages (``HubCore``); the actor does the I/O.
    var core: HubCore
    var ledger: HubLedger {
        get { core.ledger }
        _modify { yield &core.ledger }
    }
    var sessions: SessionTable {
        get { core.sessions }
        _modify { yield &core.sessions }
    }
    /// When the PUB socket last published anything (for its heartbeat).
    var lastPublished = Date()
    /// The ZAP handler, when ``HubOptions/security`` is set: started before the sockets.
    let zap: ZAPHandler?
    /// The PUB endpoints as bound (wildcards resolved), to rebind after a revocation.
    let publishEndpoints: [String]
    /// Sessions forgotten because their node fell silent (Hub+Liveness.swift).
    public internal(set) var expiredSessions = 0
    /// The epochs of batches handed to the committer and not yet answered.
    var inFlight: Set<UInt64> = []
    /// True while the ledger is rebuilt from the database after a failed commit.
    var rebuilding = false
    /// The epoch of the next batch.
    var nextEpoch: UInt64 = 1
    /// ``handle(_:)`` calls waiting for room in the pipeline (or for a rebuild).
    var roomWaiters: [CheckedContinuation<Void, Never>] = []
    /// The state sequence of the last DELTA or GAP actually published (after its commit).
    var publishedStateSequence: UInt64 = 0
    /// Decided batches, in order, to the committer (Hub+Pipeline.swift).
    let pipeline = HubBatchQueue()
    /// Since when the hub has read nothing because it waits for its commits (``pauseReading()``).
    var readingPausedSince: Date?
    /// The roster parties and reference goals the hub published itself (section 7.4).
    var hubMade = HubMadeLog()
    /// True when the stored messages were replayed on the roster because the database was
    /// written before hub-made changes were published (``restore()``).
    var replayedOnRosterBase = false
    /// The id of the last message in the log when the hub started.
    var lastMessageID: Int64 = 0
    /// What the hub publishes when it starts serving: its hub-made changes and the gap
    /// changes found at start (``publishHubMade(restored:)``), already stored and numbered.
    var startupPublications: [HubPublication] = []
    /// The ROUTER and PUB endpoints actually bound (ports resolved).
    public nonisolated let endpoints: (router: String?, publisher: String?)

    /// Binds the sockets and rebuilds the state from `store`.
    public init(context: ZeroMQContext, store: HubStore, options: HubOptions, logger: Logger) async throws {
        try await self.init(context: context, options: options, logger: logger, openStore: { store })
    }

    /// Binds the sockets, then opens the database with `openStore` and rebuilds the state from
    /// it: a hub whose address is taken refuses before it creates or locks any file.
    public init(
        context: ZeroMQContext, options: HubOptions, logger: Logger, openStore: () throws -> HubStore
    ) async throws {
        self.options = options
        self.logger = logger
        // Fail closed: no ZAP handler, no CURVE sockets (libzmq would admit any key).
        let security = options.security
        zap = try security.map { security in
            try ZAPHandler.start(context: context, threadName: "hub-zap") { security.authenticate($0) }
        }
        // Received messages waiting for the actor: a few batches' worth. Beyond that the I/O
        // thread stops reading and libzmq's high-water mark pushes back on the nodes, so a
        // flood waits in the kernel and the nodes' outboxes, not in the hub's memory.
        let routerBuffers = AsyncSocket.Configuration(maxBatchSize: 512, receiveBufferLimit: 1024, threadName: "hub-router")
        router = try AsyncSocket(context, type: .router, configuration: routerBuffers) { socket in
            try security?.configureServer(socket)
            try socket.set(.linger, 0)
            try socket.set(.maxMessageSize, options.maxMessageBytes)
            try socket.set(.receiveHighWaterMark, options.receiveHighWaterMark)
            try socket.set(.sendHighWaterMark, options.highWaterMark)
            try socket.set(.routerMandatory, true)
            for endpoint in options.bind { try socket.bind(endpoint) }
        }
        var bound: [String] = []
        if options.publish.isEmpty {
            publisher = nil
        } else {
            publisher = try AsyncSocket(context, type: .pub, configuration: .init(threadName: "hub-pub")) { socket in
                try security?.configureServer(socket, domain: HubSecurity.feedDomain)
                try socket.set(.linger, 0)
                try socket.set(.sendHighWaterMark, options.highWaterMark)
                for endpoint in options.publish {
                    try socket.bind(endpoint)
                    bound.append(socket.lastEndpoint ?? endpoint)
                }
            }
        }
        publishEndpoints = bound
        endpoints = (router.lastEndpoint, publisher?.lastEndpoint)
        store = try openStore()
        core = HubCore(
            ledger: try HubLedger(
                roster: options.roster,
                engine: GapEngine(configuration: options.gapConfiguration, playbook: options.responses)),
            options: options)
        try await store.register(parties: options.roster)
        let restored = try await restore()
        try await publishHubMade(restored: restored)
    }

    /// The current shared state (for tests and the in-process runner).
    public var state: WorldState { ledger.state }

    /// The state sequence of the last publication (protocol section 7.3).
    public var stateSequence: UInt64 { ledger.stateSequence }

    /// The open gaps, by kind then id.
    public var openGaps: [Gap] { ledger.tracker.gaps }

    /// Serves until the sockets close (``shutdown()``).
    public func run() async throws {
        let keepAlive = Task { [weak self] in
            let interval = Double(self?.options.heartbeatIntervalMs ?? 1000) / 1000
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval / 2))
                await self?.heartbeat()
            }
        }
        defer { keepAlive.cancel() }
        let guardian = zap == nil ? nil : Task { await self.guardSecurity() }
        defer { guardian?.cancel() }
        let liveness = startLivenessChecks()
        defer { liveness.cancel() }
        await publishStartup()
        publishedStateSequence = ledger.stateSequence
        let committer = HubCommitter(store: store, router: router, publisher: publisher, logger: logger)
        let committing = Task { [pipeline] in await committer.run(pipeline, hub: self) }
        do {
            for try await batch in router.batches {
                await handle(batch)
            }
        } catch {
            pipeline.finish()
            await committing.value
            throw error
        }
        // Every batch decided is stored (and answered where the socket still can) first.
        pipeline.finish()
        await committing.value
        await stopZAP()
    }

    /// Releases the database's lock file once ``run()`` has returned (everything committed).
    public nonisolated func releaseDatabase() { store.releaseLock() }

    /// Closes the sockets: ``run()`` returns once the batches already received are committed.
    public nonisolated func shutdown() {
        router.close()
        publisher?.close()
    }
}
