import KlimatnavCore
import Logging
import ZeroMQ

/// One node actor per party that speaks for itself, each with its own link to the hub (and,
/// for regional hubs and the coordinator, a feed of the hub's deltas and gap events).
public struct NodeSet: Sendable {
    public let nodes: [PartyID: PartyNode]
    public let feeds: [PartyID: StateFeed]
    let tasks: [Task<Void, Never>]

    /// Creates and starts the nodes for `parties` (reference levels get none: the coordinator
    /// speaks for them), connected to `hub` and, when given, subscribed to `publisher`: the
    /// regional hubs and the coordinator, or the kinds in `subscribers`.
    public static func start(
        parties: [Party], context: ZeroMQContext, hub: String, publisher: String?, options: LinkOptions = LinkOptions(),
        subscribers: Set<PartyKind> = [.regionalHub, .coordinator], logger: Logger
    ) throws -> NodeSet {
        var nodes: [PartyID: PartyNode] = [:]
        var feeds: [PartyID: StateFeed] = [:]
        var tasks: [Task<Void, Never>] = []
        for party in parties where party.kind != .reference {
            let link = try PartyLink(context: context, party: party.id, endpoint: hub, options: options, logger: logger)
            tasks.append(Task { await link.run() })
            var feed: StateFeed?
            if let publisher, subscribers.contains(party.kind) {
                let subscription = try StateFeed(context: context, endpoint: publisher, link: link, logger: logger)
                tasks.append(Task { await subscription.run() })
                feeds[party.id] = subscription
                feed = subscription
            }
            nodes[party.id] = PartyNode(party: party, link: link, feed: feed)
        }
        return NodeSet(nodes: nodes, feeds: feeds, tasks: tasks)
    }

    /// The node that sends a message written as coming from `party`: the party itself, or
    /// the coordinator for a reference level (Sweden, the EU).
    public func sender(for party: PartyID, in state: [PartyID: Party]) -> (PartyNode)? {
        if let node = nodes[party] { return node }
        guard state[party]?.kind == .reference else { return nil }
        return nodes.values.first { $0.party.kind == .coordinator }
    }

    /// Says HELLO from every node and waits for every WELCOME.
    public func connectAll() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes.values { group.addTask { try await node.link.hello() } }
            try await group.waitForAll()
        }
    }

    /// Closes every link and feed and waits for their tasks.
    public func close() async {
        for feed in feeds.values { await feed.close() }
        for node in nodes.values { await node.link.close() }
        for task in tasks { await task.value }
    }
}
