/// SNAPSHOT-REQUEST (regional hub or coordinator → hub): asks for the whole state.
public struct SnapshotRequest: Codable, Hashable, Sendable {
    /// Header: the last state sequence the requester holds (0: none). Informational.
    public var knownStateSequence: UInt64 = 0

    public init(knownStateSequence: UInt64) { self.knownStateSequence = knownStateSequence }

    private enum CodingKeys: CodingKey {}
}
