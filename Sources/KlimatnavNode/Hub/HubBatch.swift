import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// One received batch after the hub's actor decided about it: what to store in one group
/// commit, what to answer after the commit, and what to publish once it is stored. The
/// ``HubCommitter`` takes it from there, while the actor goes on with the next batch.
struct HubBatch: Sendable {
    /// Numbers batches in the order the actor handled them.
    var epoch: UInt64 = 0
    var items: [BatchItem] = []
    /// (routing id, reply), in arrival order.
    var replies: [(routingID: [UInt8], reply: Reply)] = []
    var published: [HubPublication] = []
    /// The state sequence after this batch, stored with its commit.
    var stateSequence: UInt64 = 0
    /// The current-state rows each accepted message changed (by position in `items`), not
    /// yet encoded: ``encodeEntities()`` keeps the last row per entity.
    var entityRows: [(item: Int, rows: [EntityRow])] = []
    /// Where each accepted message sits in `items`, to attach its gap changes.
    var acceptedAt: [MessageKey: Int] = [:]

    struct MessageKey: Hashable, Sendable {
        var sender: PartyID
        var sequence: UInt64
    }

    enum Reply: Sendable {
        /// Sent whatever the commit does.
        case now(WireMessage)
        /// Sent when the commit succeeds; a `busy` NACK otherwise.
        case afterCommit(WireMessage)
        /// A message already processed: answered as the first time (the committer looks up
        /// whether it was refused).
        case duplicate(sender: PartyID, sequence: UInt64)
    }

    /// Encodes the entity rows into the accepted messages, only the last row per entity
    /// (kind and id): the `entity` table holds current state, so an earlier row of the same
    /// entity in the same transaction would be overwritten anyway.
    mutating func encodeEntities() throws {
        var written = Set<String>()
        for (item, rows) in entityRows.reversed() {
            guard case .accepted(var message) = items[item] else { continue }
            for row in rows.reversed() where written.insert(row.kind + "\u{0}" + row.id).inserted {
                message.entities.insert(try row.change(), at: 0)
            }
            items[item] = .accepted(message)
        }
        entityRows.removeAll()
    }

    /// Attaches settled gap changes to the accepted messages they are attributed to and adds
    /// their GAP messages to the publications, in state-sequence order.
    mutating func attach(_ settled: [SettledGap]) {
        guard !settled.isEmpty else { return }
        for gap in settled {
            if let index = acceptedAt[MessageKey(sender: gap.sender, sequence: gap.sequence)],
                case .accepted(var message) = items[index]
            {
                message.gapChanges.append((gap.gap, gap.change))
                items[index] = .accepted(message)
            }
            published.append(.message(.gap(gap.message)))
        }
        published.sort { $0.stateSequence < $1.stateSequence }
    }
}
