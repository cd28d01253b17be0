/// ACK (hub → node): the domain message with ``sequence`` is durably applied (or was a
/// duplicate of one that was). The node may forget it.
public struct Ack: Codable, Hashable, Sendable {
    /// Header: the acknowledged sender sequence number.
    public var sequence: UInt64 = 0
    /// The state sequence of the DELTA that published the change, when the hub knows it.
    public var stateSequence: UInt64?

    public init(sequence: UInt64, stateSequence: UInt64? = nil) {
        self.sequence = sequence
        self.stateSequence = stateSequence
    }

    private enum CodingKeys: String, CodingKey { case stateSequence }
}
