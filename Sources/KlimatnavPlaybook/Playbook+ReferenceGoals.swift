import KlimatnavCore

extension Playbook {
    /// The goals of the reference parties (Sweden, the EU), parents before interim targets:
    /// the hub states them itself, since those parties have no node (protocol section 7.4).
    public var referenceGoals: [Goal] {
        let references = Set(parties.filter { $0.kind == .reference }.map(\.id))
        let order = Self.parentsFirst(goals.map { ($0.id, $0.interimOf) }).order
        return order.map { goals[$0] }.filter { references.contains($0.party) }
    }
}
