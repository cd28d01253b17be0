import KlimatnavCore

/// A row of current state to write: an entity's value after a message, or its removal.
public struct EntityChange: Sendable, Hashable {
    public var kind: String
    public var id: String
    public var party: String?
    /// The entity as JSON, or `nil` when it was removed.
    public var json: String?

    public init(kind: String, id: String, party: String?, json: String?) {
        self.kind = kind
        self.id = id
        self.party = party
        self.json = json
    }

    /// The entity rows `event` changed, read from `state` after the event was applied.
    public static func changes(for event: DomainEvent, in state: WorldState) throws -> [EntityChange] {
        try rows(for: event, in: state).map { try $0.change() }
    }

    /// The same rows with their values not yet encoded.
    public static func rows(for event: DomainEvent, in state: WorldState) -> [EntityRow] {
        EntityKey.keys(for: event).map { $0.row(in: state) }
    }
}
