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
/// Creating a hub opens nothing. ``run()`` binds the sockets, opens the database, rebuilds the
/// state, and then serves with three tasks (Hub+Run.swift): the reader, which decides about
/// each received batch (``HubCore``); the committer, which stores each batch, then answers and
/// publishes (``HubCommitter``); and a timer for heartbeats, silent sessions and keys
/// (Hub+Tick.swift). Await ``ready()`` for the endpoints. Sockets live on their own I/O threads
/// (``AsyncSocket``); SQLite runs on GRDB's queues; the actor only decides.
public actor Hub {
    let options: HubOptions
    let logger: Logger
    let context: ZeroMQContext
    let openStore: @Sendable () throws -> HubStore
    /// Paces the timer task (Hub+Tick.swift) and dates the decisions; tests may pass their own.
    let time: HubTime
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
    /// What ``run()`` opened, once it has.
    var io: HubIO?
    /// ``ready()`` calls waiting for ``run()`` to open everything, or its outcome.
    var readiness = Readiness.waiting([])
    /// For ``shutdown()`` and ``releaseDatabase()``, which need no actor.
    let lifecycle = HubLifecycle()
    /// Sessions forgotten because their node fell silent (Hub+Tick.swift).
    public internal(set) var expiredSessions = 0
    /// Counts ledger rebuilds after failed commits; each batch carries the value it was
    /// decided under (``HubBatch/generation``).
    var generation: UInt64 = 0
    /// Since when the reader has read nothing because it waits for the committer or rebuilds
    /// its ledger: the nodes' silence is then the hub's own.
    var readingPausedSince: Date?
    /// The roster parties and reference goals the hub published itself (section 7.4).
    var hubMade = HubMadeLog()
    /// True when the stored messages were replayed on the roster because the database was
    /// written before hub-made changes were published (``restore(from:)``).
    var replayedOnRosterBase = false
    /// The id of the last message in the log when the hub started.
    var lastMessageID: Int64 = 0
    /// What the hub publishes when it starts serving: its hub-made changes and the gap
    /// changes found at start (``publishHubMade(restored:store:)``), already stored and numbered.
    var startupPublications: [HubPublication] = []
    /// When the keys were last re-read (Hub+Security.swift); `nil` before the first tick.
    var keysReadAt: Date?

    enum Readiness {
        case waiting([CheckedContinuation<HubEndpoints, any Error>])
        case ready(HubEndpoints)
        case failed(any Error)
    }

    /// A hub on the already opened `store`.
    public init(
        context: ZeroMQContext, store: HubStore, options: HubOptions, logger: Logger
    ) throws {
        try self.init(context: context, options: options, logger: logger, openStore: { store })
    }

    /// A hub on `store` whose timer and dates follow `clock` (``HubTime/init(clock:)``).
    init<C: Clock<Duration>>(
        context: ZeroMQContext, store: HubStore, options: HubOptions, logger: Logger, clock: C
    ) throws {
        try self.init(context: context, options: options, logger: logger, time: HubTime(clock: clock), openStore: { store })
    }

    /// A hub that ``run()`` starts: it binds the sockets, then opens the database with
    /// `openStore`, so a hub whose address is taken refuses before it creates or locks any file.
    public init(
        context: ZeroMQContext, options: HubOptions, logger: Logger, openStore: @escaping @Sendable () throws -> HubStore
    ) throws {
        try self.init(context: context, options: options, logger: logger, time: .system, openStore: openStore)
    }

    private init(
        context: ZeroMQContext, options: HubOptions, logger: Logger, time: HubTime,
        openStore: @escaping @Sendable () throws -> HubStore
    ) throws {
        self.options = options
        self.logger = logger
        self.context = context
        self.openStore = openStore
        self.time = time
        core = HubCore(
            ledger: try HubLedger(
                roster: options.roster,
                engine: GapEngine(configuration: options.gapConfiguration, playbook: options.responses)),
            options: options)
    }

    /// The endpoints, once ``run()`` has bound the sockets and rebuilt the state; throws what
    /// stopped ``run()`` from starting (an address in use, a database held by another hub).
    public func ready() async throws -> HubEndpoints {
        switch readiness {
        case .ready(let endpoints): return endpoints
        case .failed(let error): throw error
        case .waiting(var waiters):
            return try await withCheckedThrowingContinuation { continuation in
                waiters.append(continuation)
                readiness = .waiting(waiters)
            }
        }
    }

    /// Settles ``ready()``: its waiters get `outcome`.
    func settleReadiness(_ outcome: Result<HubEndpoints, any Error>) {
        guard case .waiting(let waiters) = readiness else { return }
        switch outcome {
        case .success(let endpoints): readiness = .ready(endpoints)
        case .failure(let error): readiness = .failed(error)
        }
        for waiter in waiters { waiter.resume(with: outcome) }
    }

    /// The current shared state (for tests and the in-process runner).
    public var state: WorldState { ledger.state }

    /// The state sequence of the last publication (protocol section 7.3).
    public var stateSequence: UInt64 { ledger.stateSequence }

    /// The open gaps, by kind then id.
    public var openGaps: [Gap] { ledger.tracker.gaps }

    /// Open sessions (welcomed routing ids).
    public var sessionCount: Int { sessions.count }

    /// Releases the database's lock file once ``run()`` has returned (everything committed).
    public nonisolated func releaseDatabase() { lifecycle.releaseDatabase() }

    /// Closes the sockets: ``run()`` returns once the batches already received are committed.
    /// Before ``run()`` has opened them, ``run()`` then opens nothing and returns.
    public nonisolated func shutdown() { lifecycle.stop() }
}
