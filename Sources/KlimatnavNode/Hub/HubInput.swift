import ZeroMQ

/// What the hub's reader handles, in one sequence: batches the ROUTER received, the end of
/// them, and the committer's reports.
enum HubInput: Sendable {
    case received([ReceivedMessage])
    /// The ROUTER closed: no more batches.
    case closed
    case committed(CommitOutcome)
}
