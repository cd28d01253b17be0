import KlimatnavCore

/// HELLO (node → hub): opens a session. The hub checks ``party`` against the CURVE/ZAP
/// identity and answers WELCOME or NACK.
public struct Hello: Codable, Hashable, Sendable {
    /// The party the node claims to be; MUST equal the ZAP User-Id of its CURVE key.
    public var party: PartyID
    /// The node's software and version, for logs (for example `klimatnav/0.1.0`).
    public var software: String
    /// Header: the last sequence number this node sent in any earlier session (0: none).
    public var lastSequence: UInt64 = 0

    public init(party: PartyID, software: String, lastSequence: UInt64) {
        self.party = party
        self.software = software
        self.lastSequence = lastSequence
    }

    private enum CodingKeys: String, CodingKey { case party, software }
}
