import Synchronization

/// Decided batches on their way from the hub's actor to its committer. Unlike an
/// `AsyncStream`, the committer takes everything queued at once, so batches decided while
/// the previous commit waited for the disk are stored in one transaction (one fsync).
final class HubBatchQueue: Sendable {
    private struct State {
        var batches: [HubBatch] = []
        var waiter: CheckedContinuation<[HubBatch], Never>?
        var finished = false
    }

    private let state = Mutex(State())

    /// Queues a batch (after ``finish()``, it is dropped).
    func push(_ batch: HubBatch) {
        let waiter: CheckedContinuation<[HubBatch], Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.batches.append(batch)
            return nil
        }
        waiter?.resume(returning: [batch])
    }

    /// No more batches: ``takeAll()`` returns what is left, then an empty list.
    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: [])
    }

    /// Every queued batch, in order, waiting for one when none is queued. Empty once the
    /// queue is finished and drained. One consumer only.
    func takeAll() async -> [HubBatch] {
        await withCheckedContinuation { (continuation: CheckedContinuation<[HubBatch], Never>) in
            let ready: [HubBatch]? = state.withLock { state in
                if !state.batches.isEmpty || state.finished {
                    defer { state.batches.removeAll() }
                    return state.batches
                }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
