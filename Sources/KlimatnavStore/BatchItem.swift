import Foundation
import KlimatnavCore

/// One message in a group commit, with everything its acceptance changes.
public enum BatchItem: Sendable {
    /// An accepted message, the entities it changed (their values after it), and the gap
    /// lifecycle events it caused.
    case accepted(AcceptedMessage)
    /// A refused message, for the audit.
    case rejected(RejectedMessage)
}

/// An accepted message, before it has a log id.
public struct AcceptedMessage: Sendable {
    public var sender: String
    public var sequence: UInt64
    public var type: String
    public var body: Data
    public var receivedAt: Date
    public var entities: [EntityChange]
    public var gapChanges: [(gap: Gap, change: GapChange)]
    /// For a `revision` message: the snapshot to store with it, in the same transaction.
    public var revision: RevisionSnapshot?

    public init(
        sender: String, sequence: UInt64, type: String, body: Data, receivedAt: Date,
        entities: [EntityChange] = [], gapChanges: [(gap: Gap, change: GapChange)] = [],
        revision: RevisionSnapshot? = nil
    ) {
        self.revision = revision
        self.sender = sender
        self.sequence = sequence
        self.type = type
        self.body = body
        self.receivedAt = receivedAt
        self.entities = entities
        self.gapChanges = gapChanges
    }
}

/// What happened to one item of a group commit.
public enum BatchOutcome: Sendable, Hashable {
    /// Stored as log entry `messageID`.
    case stored(messageID: Int64)
    /// The sender had already sent this sequence number; nothing was written.
    case duplicate
    /// Recorded in the rejected-messages audit.
    case rejected
}
