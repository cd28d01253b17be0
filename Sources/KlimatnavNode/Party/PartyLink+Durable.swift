import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// Reopening a durable outbox: what a link restarted on the same file begins with.
enum LinkReliability {
    struct Restored {
        var nextSequence: UInt64
        var outbox: Outbox
    }

    /// The in-memory outbox and the next number from a durable outbox: unanswered messages
    /// keep their original numbers; new ones come after the highest number ever used.
    static func restore(from durable: NodeOutbox, party: PartyID) throws -> Restored {
        var outbox = Outbox()
        for record in try durable.pending() {
            let frames = WireCodec.frames(event: record.type, sequence: record.sequence, body: Array(record.body))
            outbox.add(sequence: record.sequence, frames: frames, at: .distantPast)
        }
        return Restored(nextSequence: try durable.highestSequence() + 1, outbox: outbox)
    }
}
