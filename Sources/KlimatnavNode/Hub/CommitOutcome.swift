/// What the committer reports to the reader about each ``HubBatch``, in order.
enum CommitOutcome: Sendable {
    /// Stored, answered and published.
    case committed
    /// Not stored (the commit failed, or the batch was decided on a ledger that a failed
    /// commit made stale) and answered `busy`. The reader rebuilds its ledger from the
    /// database once per `generation`.
    case failed(generation: UInt64)
}
