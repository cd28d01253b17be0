import Foundation
import Synchronization

/// Waits for something, but no longer than a deadline: for the hub's answer to one message
/// (it stays in the outbox either way; a late answer is still recorded there), or for the
/// first WELCOME.
enum AnswerWait {
    /// The value of `body`, or `nil` when `wait` passes first (`body` goes on in the background).
    static func within<T: Sendable>(_ wait: Duration, _ body: @escaping @Sendable () async -> T?) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = Once(continuation)
            Task { once.resume(await body()) }
            Task {
                try? await Task.sleep(for: wait)
                once.resume(nil)
            }
        }
    }

    /// Resumes a continuation the first time only.
    final class Once<T: Sendable>: Sendable {
        let continuation: Mutex<CheckedContinuation<T?, Never>?>

        init(_ continuation: CheckedContinuation<T?, Never>) { self.continuation = Mutex(continuation) }

        func resume(_ value: T?) {
            continuation.withLock { stored in
                stored?.resume(returning: value)
                stored = nil
            }
        }
    }
}
