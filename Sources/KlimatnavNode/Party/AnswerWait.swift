import Foundation
import Synchronization

/// Waits for the hub's answer to one message, but no longer than a deadline: the message stays
/// in the outbox either way (a late answer is still recorded there).
enum AnswerWait {
    static func answer(of sequence: UInt64, on link: PartyLink, within wait: Duration) async -> Delivery? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Delivery?, Never>) in
            let once = Once(continuation)
            Task { once.resume(await link.outcome(of: sequence)) }
            Task {
                try? await Task.sleep(for: wait)
                once.resume(nil)
            }
        }
    }

    /// Resumes a continuation the first time only.
    final class Once: Sendable {
        let continuation: Mutex<CheckedContinuation<Delivery?, Never>?>

        init(_ continuation: CheckedContinuation<Delivery?, Never>) { self.continuation = Mutex(continuation) }

        func resume(_ value: Delivery?) {
            continuation.withLock { stored in
                stored?.resume(returning: value)
                stored = nil
            }
        }
    }
}
