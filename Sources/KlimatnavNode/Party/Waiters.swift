/// Tasks suspended until something they wait for happens, keyed by what they wait for: the
/// link's one way to wait (for a WELCOME, for room in the outbox, for a snapshot, for the
/// answer to one message, for a submission's numbers). Lives inside an actor; not thread-safe
/// on its own.
struct Waiters<Key: Hashable, Value: Sendable> {
    private var waiting: [Key: [CheckedContinuation<Value, Never>]] = [:]

    /// Registers a waiter for `key` (called inside `withCheckedContinuation`).
    mutating func add(_ key: Key, _ continuation: CheckedContinuation<Value, Never>) {
        waiting[key, default: []].append(continuation)
    }

    /// Wakes every waiter for `key` with `value`; returns whether anyone waited.
    @discardableResult
    mutating func resume(_ key: Key, with value: Value) -> Bool {
        guard !waiting.isEmpty, let list = waiting.removeValue(forKey: key) else { return false }
        for continuation in list { continuation.resume(returning: value) }
        return true
    }

    /// Wakes every waiter, each with the value `value(key)` gives for its key.
    mutating func resumeAll(_ value: (Key) -> Value) {
        let all = waiting
        waiting = [:]
        for (key, list) in all {
            for continuation in list { continuation.resume(returning: value(key)) }
        }
    }

    /// How many waiters there are (for tests).
    var count: Int { waiting.values.reduce(0) { $0 + $1.count } }
}
