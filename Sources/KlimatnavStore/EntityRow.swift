import Foundation

/// An entity row before its value is encoded: what ``EntityChange`` becomes once
/// ``change()`` writes the value as JSON. Identified by kind and id.
public struct EntityRow: Sendable {
    public var kind: String
    public var id: String
    public var party: String?
    /// The entity after the message, or `nil` when it was removed.
    public var value: (any Encodable & Sendable)?

    public init(kind: String, id: String, party: String?, value: (any Encodable & Sendable)?) {
        self.kind = kind
        self.id = id
        self.party = party
        self.value = value
    }

    /// The row with its value encoded as the database stores it.
    public func change() throws -> EntityChange {
        EntityChange(kind: kind, id: id, party: party, json: try value.map { try JSONCoding.string($0) })
    }
}
