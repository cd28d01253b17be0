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
    var ledger: HubLedger
    var sessions = SessionTable()
    /// Sessions forgotten because their node fell silent (Hub+Liveness.swift).
    public internal(set) var expiredSessions = 0
    /// The ROUTER and PUB endpoints actually bound (ports resolved).
    public nonisolated let endpoints: (router: String?, publisher: String?)

    /// Binds the sockets and rebuilds the state from `store`.
    public init(context: ZeroMQContext, store: HubStore, options: HubOptions, logger: Logger) async throws {
        self.options = options
        self.store = store
        self.logger = logger
        router = try AsyncSocket(context, type: .router, configuration: .init(threadName: "hub-router")) { socket in
            try socket.set(.linger, 0)
            try socket.set(.maxMessageSize, options.maxMessageBytes)
            try socket.set(.receiveHighWaterMark, options.highWaterMark)
            try socket.set(.sendHighWaterMark, options.highWaterMark)
            try socket.set(.routerMandatory, true)
            for endpoint in options.bind { try socket.bind(endpoint) }
        }
        if options.publish.isEmpty {
            publisher = nil
        } else {
            publisher = try AsyncSocket(context, type: .pub, configuration: .init(threadName: "hub-pub")) { socket in
                try socket.set(.linger, 0)
                try socket.set(.sendHighWaterMark, options.highWaterMark)
                for endpoint in options.publish { try socket.bind(endpoint) }
            }
        }
        endpoints = (router.lastEndpoint, publisher?.lastEndpoint)
        ledger = try HubLedger(
            roster: options.roster,
            engine: GapEngine(configuration: options.gapConfiguration, playbook: options.responses))
        try await store.register(parties: options.roster)
        try await restore()
    }

    /// The current shared state (for tests and the in-process runner).
    public var state: WorldState { ledger.state }

    /// The open gaps, by kind then id.
    public var openGaps: [Gap] { ledger.tracker.gaps }

    /// Serves until the sockets close (``shutdown()``).
    public func run() async throws {
        let liveness = startLivenessChecks()
        defer { liveness.cancel() }
        for try await batch in router.batches {
            await handle(batch)
        }
    }

    /// Closes the sockets: ``run()`` returns once the current batch is committed and answered.
    public nonisolated func shutdown() {
        router.close()
        publisher?.close()
    }
}
