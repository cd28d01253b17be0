import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import Logging
import ServiceLifecycle
import Synchronization
import ZeroMQ

/// A party's long-lived node (`klimatnav node` without a playbook): its link to the hub with
/// the durable outbox, a replica of the shared state kept from the hub's PUB and written to
/// its database, and the local hand-over that `klimatnav say` talks to. Runs until a graceful
/// shutdown (SIGTERM, SIGINT).
public final class PartyService: Service, Sendable {
    public struct Options: Sendable {
        public var party: PartyID
        /// The hub's ROUTER and PUB endpoints.
        public var hub: String
        public var publisher: String
        public var paths: NodePaths
        public var curve: CurveClient?
        public var link = LinkOptions()
        /// Called for each gap that names the party as it opens, changes or closes.
        public var onGap: @Sendable (GapEvent, WorldState) -> Void = { _, _ in }
        /// The party's own file to watch (``PartyFileWatcher``), and where its notes go.
        public var partyFile: String? = nil
        public var onNote: @Sendable (String) -> Void = { _ in }

        public init(party: PartyID, hub: String, publisher: String, paths: NodePaths, curve: CurveClient? = nil) {
            self.party = party
            self.hub = hub
            self.publisher = publisher
            self.paths = paths
            self.curve = curve
        }
    }

    public let options: Options
    public let store: HubStore
    let link: PartyLink
    let feed: StateFeed
    let handOver: LocalHandOver
    let fileChanges: FileChanges?
    let logger: Logger
    /// The state the replica database held at start: what `say` is checked against until the
    /// first snapshot arrives.
    let stored: WorldState
    private let stopped = Mutex(false)
    /// The metadata key under which the replica names the node's party (for `klimatnav inbox`).
    public static let partyKey = "node.party"

    /// Opens the replica database (this process's exclusively), the outbox, the link, the feed
    /// and the hand-over socket.
    public init(context: ZeroMQContext, options: Options, logger: Logger) async throws {
        self.options = options
        self.logger = logger
        try options.paths.makeDirectory()
        store = try HubStore(path: options.paths.replica, holder: "node")
        do {
            stored = try await store.currentState()
            try await store.setMeta(Self.partyKey, options.party.rawValue)
            var linkOptions = options.link
            linkOptions.outbox = try NodeOutbox(path: options.paths.outbox)
            link = try PartyLink(
                context: context, party: options.party, endpoint: options.hub, options: linkOptions, logger: logger, curve: options.curve)
            feed = try StateFeed(context: context, endpoint: options.publisher, link: link, logger: logger, curve: options.curve)
            handOver = try LocalHandOver(context: context, paths: options.paths, logger: logger)
            fileChanges = options.partyFile.map { FileChanges(path: $0) }
        } catch {
            store.releaseLock()
            throw error
        }
    }

    public func run() async throws {
        let writer = ReplicaWriter(feed: feed, store: store, party: options.party, logger: logger, onGap: options.onGap)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.link.run() }
                group.addTask { await self.feed.run() }
                group.addTask { await writer.run(stopped: { self.stopped.withLock { $0 } }) }
                group.addTask { await self.handOver.run { await self.handle($0) } }
                group.addTask { try? await self.link.hello() }
                if let changes = self.fileChanges, let file = self.options.partyFile {
                    let watcher = PartyFileWatcher(
                        path: file, paths: self.options.paths, party: self.options.party, link: self.link, logger: self.logger,
                        report: self.options.onNote, state: { await self.knownState() },
                        ready: { if self.stored.parties.isEmpty { await self.feed.waitFor(stateSequence: 1) } })
                    group.addTask { await watcher.run(changes) }
                }
            }
        } onGracefulShutdown: {
            self.shutdown()
        }
    }

    /// Closes the sockets: every loop of ``run()`` ends; what is in the outbox stays there.
    public func shutdown() {
        let already = stopped.withLock { flag -> Bool in
            let was = flag
            flag = true
            return was
        }
        guard !already else { return }
        handOver.close()
        fileChanges?.cancel()
        Task { [feed, link] in
            await feed.close()
            await link.close()
        }
    }

    /// Gives up the replica database (after ``run()`` returned).
    public func release() { store.releaseLock() }

    /// The replica's state, or before its first snapshot what the database held at start.
    func knownState() async -> WorldState {
        let replica = await feed.replica
        return replica.needsSnapshot ? stored : replica.state
    }

    /// Checks `request` as the playbook loader would, against the replica, queues it in the
    /// durable outbox and waits a while for the hub's answer.
    func handle(_ request: LocalRequest) async -> LocalAnswer {
        let state = await knownState()
        let event: DomainEvent
        do {
            event = try PlaybookLoader.message(
                request.message, body: request.body(sentBy: options.party.rawValue), from: options.party, in: state)
        } catch {
            return LocalAnswer(outcome: .invalid, errors: error.messages)
        }
        // Numbered after the hub's WELCOME when it comes in time: the hub then says which
        // number comes next, even if another sender (a one-shot `node`) used this party's.
        let deadline = ContinuousClock.now + .milliseconds(max(0, request.waitMs))
        _ = try? await link.hello(within: max(.zero, deadline - .now))
        let sequence: UInt64
        do {
            sequence = try await link.submit(event)
        } catch {
            return LocalAnswer(
                outcome: .invalid, errors: ["the node could not write the message to its outbox \(options.paths.outbox): \(error)"])
        }
        logger.info("\(options.party): '\(request.message)' queued as message \(sequence)")
        // What is left of the wait, so the whole answer comes within `waitMs`.
        let answer = await link.outcome(of: sequence, within: max(.zero, deadline - .now))
        switch answer {
        case .acknowledged(_, let stateSequence)?:
            return LocalAnswer(outcome: .accepted, sequence: sequence, stateSequence: stateSequence)
        case .refused(_, let code, let reason)?:
            return LocalAnswer(outcome: .refused, sequence: sequence, code: code.rawValue, reason: reason)
        case nil:
            return LocalAnswer(outcome: .queued, sequence: sequence)
        }
    }
}
