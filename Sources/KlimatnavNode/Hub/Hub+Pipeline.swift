import Foundation
import KlimatnavStore

extension Hub {
    /// Batches decided and not yet stored and answered, at most: while one commit waits for
    /// the disk the actor decides the next ones (the committer stores them together), and
    /// then waits.
    static let maxBatchesInFlight = 2

    /// The committer reports that `epoch`'s commit failed. Nothing of that batch, or of
    /// the batches decided after it, is stored, so the ledger is rebuilt from the database
    /// (the truth, as after a restart) before the actor decides anything else. Keeping a copy
    /// of the ledger per batch instead would copy the whole state once per batch: a cost paid
    /// on every batch for a failure that is rare.
    /// - Returns: the last epoch decided so far; the committer answers all up to it `busy`.
    func commitFailed(_ epoch: UInt64) async -> UInt64 {
        let doomed = nextEpoch - 1
        rebuilding = true
        while true {
            do {
                ledger = try HubLedger(roster: options.roster, engine: ledger.tracker.engine)
                try await restore()
                break
            } catch {
                logger.error("could not rebuild the state from the database after a failed commit; trying again in 1 s: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        rebuilding = false
        resumeWaiters()
        return doomed
    }

    /// The committer answered every batch up to `epoch`; `publishedThrough` is the state
    /// sequence it published up to, or `nil` when they were not stored.
    func finished(through epoch: UInt64, publishedThrough: UInt64?) {
        inFlight = inFlight.filter { $0 > epoch }
        if let publishedThrough {
            publishedStateSequence = max(publishedStateSequence, publishedThrough)
            lastPublished = Date()
        }
        resumeWaiters()
    }

    private func resumeWaiters() {
        let waiters = roomWaiters
        roomWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }
}
