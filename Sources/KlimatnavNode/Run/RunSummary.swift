import KlimatnavCore

/// What `klimatnav run` did: messages sent, acknowledged and refused, and the gaps found.
public struct RunSummary: Sendable {
    public var playbook: String
    public var title: String
    /// The playbook's English title, when it has one.
    public var titleEn: String?
    public var illustrative: Bool
    public var parties: Int
    /// Messages the playbook schedules.
    public var scheduled: Int
    public var sent: Int
    public var acknowledged: Int
    public var refusals: [(from: PartyID, event: String, code: String, reason: String)]
    public var gaps: [Gap]
    /// The hub's shared state at the end (names and titles for sentences in Swedish).
    public var state: WorldState
    public var databasePath: String
    /// Messages the database already held before this run (an earlier run on the same file).
    public var earlierMessages: Int
    /// Messages the database holds after this run.
    public var storedMessages: Int
    /// True when a stop request (Ctrl-C, SIGTERM) ended the run before every message was sent.
    public var interrupted: Bool
    public var seconds: Double
}
