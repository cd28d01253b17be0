/// Tasks suspended until something they wait for happens, keyed by what they wait for: the
/// link's one way to wait (for a WELCOME, for room in the outbox, for a snapshot, for the
/// answer to one message, for a submission's numbers). Lives inside an actor; not thread-safe
/// on its own.
struct Waiters<Key: Hashable, Value: Sendable> {
    private var waiting: [Key: [(id: Int, continuation: CheckedContinuation<Value, Never>)]] = [:]
    private var nextID = 0

    /// Registers a waiter for `key` (called inside `withCheckedContinuation`); returns its id,
    /// to wake this one alone (``resume(_:id:with:)``).
    @discardableResult
    mutating func add(_ key: Key, _ continuation: CheckedContinuation<Value, Never>) -> Int {
        nextID += 1
        waiting[key, default: []].append((nextID, continuation))
        return nextID
    }

    /// Wakes every waiter for `key` with `value`; returns whether anyone waited.
    @discardableResult
    mutating func resume(_ key: Key, with value: Value) -> Bool {
        guard !waiting.isEmpty, let list = waiting.removeValue(forKey: key) else { return false }
        for waiter in list { waiter.continuation.resume(returning: value) }
        return true
    }

    /// Wakes the one waiter `id` for `key` with `value`, if it still waits.
    @discardableResult
    mutating func resume(_ key: Key, id: Int, with value: Value) -> Bool {
        guard var list = waiting[key], let index = list.firstIndex(where: { $0.id == id }) else { return false }
        let waiter = list.remove(at: index)
        waiting[key] = list.isEmpty ? nil : list
        waiter.continuation.resume(returning: value)
        return true
    }

    /// Wakes every waiter, each with the value `value(key)` gives for its key.
    mutating func resumeAll(_ value: (Key) -> Value) {
        let all = waiting
        waiting = [:]
        for (key, list) in all {
            for waiter in list { waiter.continuation.resume(returning: value(key)) }
        }
    }

    /// How many waiters there are (for tests).
    var count: Int { waiting.values.reduce(0) { $0 + $1.count } }
}
