import Foundation
import KlimatnavStore

extension Hub {
    /// Batches decided and not yet stored and answered, at most: while one commit waits for
    /// the disk the actor decides the next ones (the committer stores them together), and
    /// then waits.
    static let maxBatchesInFlight = 2

    /// The committer reports that `epoch`'s commit failed: the ledger goes back to before
    /// that batch, which drops every batch decided after it too.
    /// - Returns: the last epoch decided so far; the committer answers all up to it `busy`.
    func commitFailed(_ epoch: UInt64) -> UInt64 {
        if let before = inFlight[epoch] { ledger = before }
        return nextEpoch - 1
    }

    /// The committer answered every batch up to `epoch`; `publishedThrough` is the state
    /// sequence it published up to, or `nil` when they were not stored.
    func finished(through epoch: UInt64, publishedThrough: UInt64?) {
        for done in inFlight.keys where done <= epoch { inFlight[done] = nil }
        if let publishedThrough {
            publishedStateSequence = max(publishedStateSequence, publishedThrough)
            lastPublished = Date()
        }
        let waiters = roomWaiters
        roomWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }
}
