import KlimatnavCore

/// DELTA (hub → all, over PUB): one applied change, numbered by the hub's state sequence.
public struct Delta: Codable, Hashable, Sendable {
    /// Header: the hub's state sequence after this change; exactly one above the previous
    /// DELTA or GAP. A subscriber that sees a jump requests a new SNAPSHOT.
    public var stateSequence: UInt64 = 0
    /// The authenticated party whose message caused the change; `nil` when the hub itself
    /// made it (for example while loading a playbook).
    public var by: PartyID?
    public var event: DomainEvent

    public init(stateSequence: UInt64, by: PartyID?, event: DomainEvent) {
        self.stateSequence = stateSequence
        self.by = by
        self.event = event
    }

    private enum CodingKeys: String, CodingKey { case by, event, body }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        by = try container.decodeIfPresent(PartyID.self, forKey: .by)
        event = try WireEvent(from: decoder).event
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(by, forKey: .by)
        try WireEvent(event).encode(to: encoder)
    }
}
