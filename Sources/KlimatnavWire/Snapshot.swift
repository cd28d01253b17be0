import KlimatnavCore

/// SNAPSHOT (hub → requester, over ROUTER): the whole state at one state sequence, as the
/// events that rebuild it (`WorldState(applying: events)`) plus the open gaps.
public struct Snapshot: Codable, Hashable, Sendable {
    /// Header: the state sequence this snapshot reflects. Apply only DELTAs above it.
    public var stateSequence: UInt64 = 0
    /// Events that rebuild the state from empty, in an order that applies cleanly
    /// (parties first). At most ``WireLimits/maxSnapshotItems``.
    public var events: [DomainEvent]
    /// Gaps open at ``stateSequence``. At most ``WireLimits/maxSnapshotItems``.
    public var gaps: [Gap]

    public init(stateSequence: UInt64, events: [DomainEvent], gaps: [Gap]) {
        self.stateSequence = stateSequence
        self.events = events
        self.gaps = gaps
    }

    private enum CodingKeys: String, CodingKey { case events, gaps }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        events = try container.decode([WireEvent].self, forKey: .events).map(\.event)
        gaps = try container.decode([Gap].self, forKey: .gaps)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events.map(WireEvent.init), forKey: .events)
        try container.encode(gaps, forKey: .gaps)
    }
}
