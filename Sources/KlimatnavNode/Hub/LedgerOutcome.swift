import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// What the hub's ledger decided about one domain message.
enum LedgerOutcome: Sendable {
    /// Accepted: store it, then acknowledge it and publish its delta (numbered
    /// `stateSequence`, forwarding the accepted body). Its gap changes come
    /// when the ledger settles (``HubLedger/takeSettledGaps(at:)``), once per batch.
    /// `entities` name the current-state rows it changed; the hub reads them from the state
    /// once per batch (only the last change of an entity in a batch is written).
    case accepted(AcceptedMessage, ack: Ack, stateSequence: UInt64, entities: [EntityKey])
    /// Refused: audit it, then send the NACK. The sequence number is used up.
    case rejected(RejectedMessage, nack: Nack)
    /// Already processed: answer as the first time (the hub looks up whether it was refused).
    case duplicate(sequence: UInt64)
    /// Ahead of the next expected sequence number: not processed, the sender must resend.
    case outOfOrder(nack: Nack)
}
