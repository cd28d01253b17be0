import KlimatnavCore
import KlimatnavStore

/// How a hub runs: where it listens, whom it admits, how durable its commits are.
public struct HubOptions: Sendable {
    /// Endpoints the ROUTER binds for node requests (for example `tcp://*:5555`).
    public var bind: [String]
    /// Endpoints the PUB binds for deltas and gap events; none to publish nothing.
    public var publish: [String]
    /// The trusted roster: the parties that may connect and their kinds.
    public var roster: [Party]
    public var durability: HubStore.Durability
    public var gapConfiguration: GapConfiguration
    public var responses: ResponsePlaybook?
    /// How often nodes should send HEARTBEAT, in milliseconds, and how many may be missed.
    public var heartbeatIntervalMs: Int
    public var heartbeatLiveness: Int
    /// The largest message the hub accepts on the wire, in bytes (`ZMQ_MAXMSGSIZE`).
    public var maxMessageBytes: Int
    /// Send high-water marks for the ROUTER and the PUB socket, per peer.
    public var highWaterMark: Int
    /// Receive high-water mark of the ROUTER, per peer: beyond it libzmq stops reading that
    /// peer's connection, so a flooding node waits in its own TCP buffers instead of growing
    /// the hub's memory (with hundreds of nodes, a large value multiplies). The hub reads in
    /// batches of 512 behind a buffer of 1,024; 128 per peer left the durable benchmark's
    /// throughput (8 nodes) unchanged.
    public var receiveHighWaterMark: Int
    /// Goals of the reference parties (Sweden, the EU), which have no node: the hub states
    /// them itself (protocol section 7.4). Parents before their interim targets.
    public var referenceGoals: [Goal] = []
    /// CURVE and ZAP for both sockets (``HubSecurity``); `nil` is insecure mode: identities
    /// come from HELLO.
    public var security: HubSecurity? = nil
    /// The kinds of party that may ask for a SNAPSHOT (protocol section 11.3). `klimatnav hub`
    /// allows every kind, so each party's long-lived node keeps a replica.
    public var snapshotKinds: Set<PartyKind> = [.regionalHub, .coordinator]

    public init(
        bind: [String], publish: [String] = [], roster: [Party], durability: HubStore.Durability = .full,
        gapConfiguration: GapConfiguration = GapConfiguration(), responses: ResponsePlaybook? = nil,
        heartbeatIntervalMs: Int = 1000, heartbeatLiveness: Int = 3, maxMessageBytes: Int = 512 * 1024,
        highWaterMark: Int = 10_000, receiveHighWaterMark: Int = 128
    ) {
        self.bind = bind
        self.publish = publish
        self.roster = roster
        self.durability = durability
        self.gapConfiguration = gapConfiguration
        self.responses = responses
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.heartbeatLiveness = heartbeatLiveness
        self.maxMessageBytes = maxMessageBytes
        self.highWaterMark = highWaterMark
        self.receiveHighWaterMark = receiveHighWaterMark
    }
}
