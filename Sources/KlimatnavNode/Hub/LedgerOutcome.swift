import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// What the hub's ledger decided about one domain message.
enum LedgerOutcome: Sendable {
    /// Accepted: store it, then acknowledge it and publish its delta. Its gap changes come
    /// when the ledger settles (``HubLedger/takeSettledGaps(at:)``), once per batch.
    /// `entities` are the current-state rows it changed, encoded later (only the last row
    /// per entity in a group commit is written).
    case accepted(AcceptedMessage, ack: Ack, delta: Delta, entities: [EntityRow])
    /// Refused: audit it, then send the NACK. The sequence number is used up.
    case rejected(RejectedMessage, nack: Nack)
    /// Already processed: answer as the first time (the hub looks up whether it was refused).
    case duplicate(sequence: UInt64)
    /// Ahead of the next expected sequence number: not processed, the sender must resend.
    case outOfOrder(nack: Nack)
}
