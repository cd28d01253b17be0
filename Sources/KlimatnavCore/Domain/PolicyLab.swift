/// Whether a policy lab is running.
public enum PolicyLabStatus: String, Codable, Sendable, CaseIterable {
    case open
    case closed
}

/// A policy lab (or free zone): new technology tested together with changed rules, for one
/// barrier, by a set of parties.
public struct PolicyLab: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var barrier: String
    public var parties: [PartyID]
    public var status: PolicyLabStatus
    public var source: String?

    public init(
        id: String, barrier: String, parties: [PartyID], status: PolicyLabStatus = .open,
        source: String? = nil
    ) {
        self.id = id
        self.barrier = barrier
        self.parties = parties
        self.status = status
        self.source = source
    }
}

/// A party's membership of a regional hub or network.
public struct Membership: Codable, Hashable, Sendable {
    public var hub: PartyID
    public var member: PartyID
    public init(hub: PartyID, member: PartyID) {
        self.hub = hub
        self.member = member
    }
}
