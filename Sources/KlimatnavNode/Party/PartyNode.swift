import KlimatnavCore

/// A party's actor: it holds its own party's view (what it has said and what the hub
/// accepted) and talks to the hub only through its ``PartyLink``.
public protocol PartyNode: Actor {
    nonisolated var party: Party { get }
    nonisolated var link: PartyLink { get }
    /// Updates the party's own view after the hub answered a message it sent.
    func record(_ event: DomainEvent, _ delivery: Delivery)
}

extension PartyNode {
    /// Sends `event` and waits for the hub's answer.
    @discardableResult
    public func say(_ event: DomainEvent) async throws -> Delivery {
        let delivery = try await link.deliver(event)
        record(event, delivery)
        return delivery
    }
}
