/// HEARTBEAT (both ways on ROUTER/DEALER, and hub → all on PUB): "I am alive".
public struct Heartbeat: Codable, Hashable, Sendable {
    /// Header. Node → hub: the last sequence number sent (0: none). Hub → node: the next
    /// sequence the hub expects from that node. On PUB: the hub's current state sequence.
    public var sequence: UInt64 = 0

    public init(sequence: UInt64) { self.sequence = sequence }

    private enum CodingKeys: CodingKey {}
}
