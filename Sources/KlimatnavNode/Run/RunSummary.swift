import KlimatnavCore

/// What `klimatnav run` did: messages sent, acknowledged and refused, and the gaps found.
public struct RunSummary: Sendable {
    public var playbook: String
    public var title: String
    public var illustrative: Bool
    public var parties: Int
    public var sent: Int
    public var acknowledged: Int
    public var refusals: [(from: PartyID, event: String, code: String, reason: String)]
    public var gaps: [Gap]
    public var databasePath: String
    public var seconds: Double
}
