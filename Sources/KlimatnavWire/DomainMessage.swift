import KlimatnavCore

/// A domain message (node → hub): one ``DomainEvent``, numbered by the sender.
///
/// On the wire frame 1 is the event's name (`goal`, `barrier.report`, ... as in
/// `DomainEvent.names`) and frame 3 is the event's own body (`DomainEvent.encodeBody(to:)`).
public struct DomainMessage: Hashable, Sendable {
    /// Header: the sender's sequence number, 1 for its first message, then +1 each.
    public var sequence: UInt64
    public var event: DomainEvent

    public init(sequence: UInt64, event: DomainEvent) {
        self.sequence = sequence
        self.event = event
    }
}
