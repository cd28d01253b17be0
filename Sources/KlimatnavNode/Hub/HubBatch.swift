import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging

/// One received batch after the hub's actor decided about it: what to store in one group
/// commit, what to answer after the commit, and what to publish once it is stored. The
/// ``HubCommitter`` takes it from there, while the reader goes on with the next batch.
struct HubBatch: Sendable {
    /// How many times the reader had rebuilt its ledger after a failed commit when it decided
    /// this batch: batches decided on a ledger that a failed commit made stale are not stored.
    var generation: UInt64 = 0
    var items: [BatchItem] = []
    /// (routing id, reply), in arrival order.
    var replies: [(routingID: [UInt8], reply: Reply)] = []
    var published: [HubPublication] = []
    /// The state sequence after this batch, stored with its commit.
    var stateSequence: UInt64 = 0
    /// The current-state rows the accepted messages changed, each with the position in
    /// `items` of the last message that changed it (``noteEntities(_:item:)``).
    var changedEntities: [EntityKey: (item: Int, key: EntityKey)] = [:]
    /// Those rows as the batch left them, by item, not yet encoded (``readEntities(from:)``;
    /// the committer encodes them, ``encodeEntities()``).
    var entityRows: [(item: Int, row: EntityRow)] = []
    /// What the decisions want logged (``HubCore`` has no logger); the hub logs them.
    var notes: [(level: Logger.Level, text: String)] = []
    /// Where each accepted message sits in `items`, to attach its gap changes.
    var acceptedAt: [MessageKey: Int] = [:]

    struct MessageKey: Hashable, Sendable {
        var sender: PartyID
        var sequence: UInt64
    }

    mutating func note(_ level: Logger.Level, _ text: String) { notes.append((level, text)) }

    enum Reply: Sendable {
        /// Sent whatever the commit does.
        case now(WireMessage)
        /// Sent when the commit succeeds; a `busy` NACK otherwise.
        case afterCommit(WireMessage)
        /// A message already processed: answered as the first time (the committer looks up
        /// whether it was refused).
        case duplicate(sender: PartyID, sequence: UInt64)
    }

    /// Notes the rows an accepted message at `item` changed.
    mutating func noteEntities(_ keys: [EntityKey], item: Int) {
        for key in keys { changedEntities[key] = (item, key) }
    }

    /// Reads every changed row from `state`, the state after the batch: the `entity` table
    /// holds current state, so only the last change of each entity in a batch is written,
    /// with the message that made it.
    mutating func readEntities(from state: WorldState) {
        entityRows = changedEntities.values.map { ($0.item, $0.key.row(in: state)) }
        entityRows.sort { $0.item < $1.item }
        changedEntities = [:]
    }

    /// Encodes the rows read by ``readEntities(from:)`` into their accepted messages.
    mutating func encodeEntities() throws {
        for (item, row) in entityRows {
            guard case .accepted(var message) = items[item] else { continue }
            message.entities.append(try row.change())
            items[item] = .accepted(message)
        }
        entityRows.removeAll()
    }

    /// Attaches settled gap changes to the accepted messages they are attributed to and adds
    /// their GAP messages to the publications, in state-sequence order.
    mutating func attach(_ settled: [SettledGap]) {
        guard !settled.isEmpty else { return }
        // Gather per message first: one message can cause thousands of changes (a programme
        // membership puts every municipality in or out of scope), and copying its growing
        // list back into `items` once per change was quadratic.
        var changes: [Int: [(gap: Gap, change: GapChange)]] = [:]
        for gap in settled {
            if let sender = gap.sender, let index = acceptedAt[MessageKey(sender: sender, sequence: gap.sequence)] {
                changes[index, default: []].append((gap.gap, gap.change))
            }
            published.append(.message(.gap(gap.message)))
        }
        for (index, list) in changes {
            guard case .accepted(var message) = items[index] else { continue }
            message.gapChanges.append(contentsOf: list)
            items[index] = .accepted(message)
        }
        published.sort { $0.stateSequence < $1.stateSequence }
    }
}
