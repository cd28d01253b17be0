import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import Logging
import ZeroMQ

/// Runs a playbook in one process: a hub and one node actor per party, all traffic over real
/// ZeroMQ sockets (the nodes over inproc, the PUB on loopback TCP). Plays the schedule, waits for every answer, and reports.
public struct PlaybookRunner: Sendable {
    public var playbook: Playbook
    public var databasePath: String
    public var durability: HubStore.Durability
    public var responses: ResponsePlaybook?
    public var logger: Logger
    /// Set (from a signal handler) to stop the run: no further message is sent, the messages
    /// already sent are answered and committed, and ``run()`` returns a summary marked
    /// ``RunSummary/interrupted``.
    public let stop: StopRequest
    /// Called once the nodes are connected, just before the first message is sent, with the
    /// number of messages scheduled (for a progress line).
    public var onSending: (@Sendable (Int) -> Void)?

    public init(
        playbook: Playbook, databasePath: String, durability: HubStore.Durability = .full,
        responses: ResponsePlaybook? = nil, logger: Logger, stop: StopRequest = StopRequest()
    ) {
        self.stop = stop
        self.playbook = playbook
        self.databasePath = databasePath
        self.durability = durability
        self.responses = responses
        self.logger = logger
    }

    public func run() async throws -> RunSummary {
        let context = try ZeroMQContext()
        do {
            let summary = try await run(in: context)
            await context.shutdownAndWait()
            return summary
        } catch {
            await context.shutdownAndWait()
            throw error
        }
    }

    private func run(in context: ZeroMQContext) async throws -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let options = HubOptions(
            // The nodes live in this process: they reach the hub over inproc (no TCP handshake
            // per node; 322 nodes connect in a fraction of the time). The PUB stays on TCP.
            bind: ["inproc://klimatnav-run-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"],
            publish: ["tcp://127.0.0.1:*"], roster: playbook.parties,
            durability: durability, responses: responses)
        logger.warning("insecure mode: the in-process run trusts HELLO from its own nodes; use `klimatnav hub` with keys across machines")
        // The sockets first, then the database (locked for this process: a hub or another
        // `run` on the same file refuses at once).
        let hub = try Hub(context: context, options: options, logger: logger) {
            try HubStore(path: databasePath, durability: durability, holder: "run")
        }
        let hubTask = Task { try await hub.run() }
        let endpoints: HubEndpoints
        do {
            endpoints = try await hub.ready()
        } catch {
            _ = try? await hubTask.value
            throw error
        }
        guard let routerEndpoint = endpoints.router, let store = await hub.io?.store else {
            hub.shutdown()
            _ = try? await hubTask.value
            throw StoreError("start the hub", "the ROUTER socket has no endpoint")
        }
        let earlierMessages = try await store.messageCount()
        let nodes = try NodeSet.start(
            parties: playbook.parties, context: context, hub: routerEndpoint, publisher: endpoints.publisher,
            // No node follows the feed here: nothing in a run reads the replicas, and with 21
            // counties and two coordinators each would decode every one of the run's messages.
            subscribers: [], logger: logger)
        let schedule = playbook.schedule()
        var sent = 0
        var interrupted = false
        var acknowledged = 0
        var refusals: [(from: PartyID, event: String, code: String, reason: String)] = []
        var factDates: [HubStore.FactDate] = []
        do {
            try await nodes.connectAll()
            onSending?(schedule.count)
            let roster = Dictionary(playbook.parties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            // Messages from one party are pipelined; before another party speaks, everything
            // sent so far is answered, so the hub sees the schedule's order. A run of messages
            // that depend on nothing earlier in the run (parties registering themselves,
            // roadmaps with no parent) is pipelined across parties too: their order does not
            // change the state (290 municipalities register in one go instead of 290 round trips).
            var independentRun: String?  // the event name of the run, while one lasts
            var inFlight: [(node: PartyNode, sequence: UInt64, message: ScheduledMessage)] = []
            var current: PartyID?
            func settle() async {
                for (node, sequence, message) in inFlight {
                    let delivery = await node.link.outcome(of: sequence)
                    switch delivery {
                    case .acknowledged:
                        acknowledged += 1
                        factDates.append(HubStore.FactDate(sender: node.party.id.rawValue, sequence: sequence, at: message.at))
                    case .refused(_, let code, let reason):
                        refusals.append((message.from, message.event.name, code.rawValue, reason))
                    }
                }
                inFlight = []
            }
            for message in schedule {
                if stop.isRequested {
                    interrupted = true
                    break
                }
                guard let node = nodes.sender(for: message.from, in: roster) else {
                    throw StoreError("play \(playbook.id)", "no node can send for '\(message.from)'")
                }
                let run = Self.dependsOnNothingEarlier(message.event) ? message.event.name : nil
                // Settle before another party speaks, unless both messages belong to one
                // independent run; and always when such a run ends (what follows may depend on it).
                if (node.party.id != current && (run == nil || run != independentRun)) || (independentRun != nil && run != independentRun) {
                    await settle()
                }
                current = node.party.id
                independentRun = run
                inFlight.append((node, try await node.link.submit(message.event), message))
                sent += 1
            }
            await settle()
        } catch {
            await nodes.close()
            hub.shutdown()
            _ = try? await hubTask.value
            throw error
        }
        await nodes.close()
        hub.shutdown()
        try await hubTask.value
        // Gaps are dated by the facts (asOf, or a timeline entry's date), not the hub's clock,
        // and what opened and closed within the initial load is not kept as history.
        try await store.dateGaps(by: factDates, initialLoad: playbook.asOf)
        let gaps = try await store.gaps().map(\.gap)
        let state = await hub.state
        defer { store.releaseLock() }
        let elapsed = clock.now - started
        return RunSummary(
            playbook: playbook.id, title: playbook.title, titleEn: playbook.titleEn, illustrative: playbook.illustrative,
            parties: playbook.parties.count, scheduled: schedule.count, sent: sent, acknowledged: acknowledged,
            refusals: refusals, gaps: gaps, state: state, databasePath: databasePath, earlierMessages: earlierMessages,
            storedMessages: try await store.messageCount(), interrupted: interrupted,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Whether the hub accepts `event` whatever else of the same run it has seen: a party
    /// registering itself, or a roadmap with no parent whose signatories registered before.
    static func dependsOnNothingEarlier(_ event: DomainEvent) -> Bool {
        switch event {
        case .partyRegistered: true
        case .roadmapPublished(let roadmap): roadmap.parent == nil
        default: false
        }
    }
}
