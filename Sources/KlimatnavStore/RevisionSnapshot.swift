import Foundation
import KlimatnavCore

/// A closed contract revision as the hub keeps it: the revision, when the hub accepted it, and
/// the shared state and open gaps at that moment. Written in the same transaction as the
/// `revision` message that closed it (table `revision`, migration v2).
public struct RevisionSnapshot: Sendable, Hashable {
    public var revision: Revision
    /// When the hub accepted the revision message.
    public var closedAt: Date
    /// The log id of the message that closed the revision (`nil` before it is stored).
    public var messageID: Int64?
    /// The state at that moment, as the events that rebuild it (``WorldState/events()``).
    public var events: [DomainEvent]
    /// The gaps open at that moment, sorted by kind then id.
    public var gaps: [Gap]

    public init(revision: Revision, closedAt: Date, messageID: Int64? = nil, events: [DomainEvent], gaps: [Gap]) {
        self.revision = revision
        self.closedAt = closedAt
        self.messageID = messageID
        self.events = events
        self.gaps = gaps
    }

    /// The snapshot of `state` and `gaps` for `revision`, closed at `time`.
    public init(revision: Revision, state: WorldState, gaps: [Gap], at time: Date) {
        self.init(revision: revision, closedAt: time, events: state.events(), gaps: gaps.sorted(by: GapEngine.order))
    }

    /// The state rebuilt from ``events``.
    public func state() throws(StateError) -> WorldState {
        try WorldState(applying: events)
    }
}

/// A ``DomainEvent`` with its name, as stored in snapshots: `{"event": NAME, "body": BODY}`
/// (the same shape as an event inside a wire SNAPSHOT).
struct StoredEvent: Codable {
    var event: DomainEvent

    init(_ event: DomainEvent) { self.event = event }

    private enum CodingKeys: String, CodingKey { case event, body }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .event)
        event = try DomainEvent.decode(name: name, from: try container.superDecoder(forKey: .body))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.name, forKey: .event)
        try event.encodeBody(to: container.superEncoder(forKey: .body))
    }
}
