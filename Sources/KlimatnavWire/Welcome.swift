/// WELCOME (hub → node): accepts a HELLO and tells the node where to continue.
public struct Welcome: Codable, Hashable, Sendable {
    /// Header: the next sequence number the hub expects from this party. The node resends
    /// every unacknowledged message from this number on, and numbers new ones after them.
    public var nextSequence: UInt64 = 1
    /// How often each side sends HEARTBEAT when it has nothing else to send (100-60000 ms).
    public var heartbeatIntervalMs: Int
    /// How many intervals of silence make the peer dead (1-100).
    public var heartbeatLiveness: Int

    public init(nextSequence: UInt64, heartbeatIntervalMs: Int = 1000, heartbeatLiveness: Int = 3) {
        self.nextSequence = nextSequence
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.heartbeatLiveness = heartbeatLiveness
    }

    private enum CodingKeys: String, CodingKey { case heartbeatIntervalMs, heartbeatLiveness }
}
