import Foundation
import KlimatnavWire

/// Messages sent and not yet answered, in sequence order, with their answers once known.
struct Outbox {
    struct Entry {
        var frames: [[UInt8]]
        var sentAt: Date
        var attempts: Int
    }

    private(set) var pending: [UInt64: Entry] = [:]
    private var answers: [UInt64: Delivery] = [:]
    private var waiters: [UInt64: [CheckedContinuation<Delivery, Never>]] = [:]

    var unanswered: Int { pending.count }

    mutating func add(sequence: UInt64, frames: [[UInt8]], at time: Date) {
        pending[sequence] = Entry(frames: frames, sentAt: time, attempts: 1)
    }

    /// Records the answer and wakes whoever waits for it. Returns false for an unknown sequence.
    @discardableResult
    mutating func answer(_ sequence: UInt64, with delivery: Delivery) -> Bool {
        guard pending.removeValue(forKey: sequence) != nil else { return false }
        if let list = waiters.removeValue(forKey: sequence) {
            for waiter in list { waiter.resume(returning: delivery) }
        } else if !delivery.isAcknowledged {
            answers[sequence] = delivery  // kept until asked for; acknowledgements are implied
        }
        return true
    }

    func answer(for sequence: UInt64) -> Delivery? {
        if let answer = answers[sequence] { return answer }
        return pending[sequence] == nil ? .acknowledged(sequence: sequence, stateSequence: nil) : nil
    }

    mutating func wait(for sequence: UInt64, _ continuation: CheckedContinuation<Delivery, Never>) {
        if let answer = answers.removeValue(forKey: sequence) {
            continuation.resume(returning: answer)
        } else if pending[sequence] == nil {
            continuation.resume(returning: .acknowledged(sequence: sequence, stateSequence: nil))
        } else {
            waiters[sequence, default: []].append(continuation)
        }
    }

    /// Entries sent before `deadline`, in sequence order, marked as sent again at `now`.
    mutating func due(before deadline: (Entry) -> Date, now: Date) -> [(UInt64, [[UInt8]])] {
        let due = pending.filter { now >= deadline($0.value) }.keys.sorted()
        for sequence in due {
            pending[sequence]?.sentAt = now
            pending[sequence]?.attempts += 1
        }
        return due.map { ($0, pending[$0]!.frames) }
    }

    /// Every pending entry with sequence at least `from`, in order, marked as sent at `now`.
    mutating func all(from: UInt64 = 0, now: Date) -> [(UInt64, [[UInt8]])] {
        let keys = pending.keys.filter { $0 >= from }.sorted()
        for sequence in keys { pending[sequence]?.sentAt = now }
        return keys.map { ($0, pending[$0]!.frames) }
    }

    mutating func cancelAll() {
        for (sequence, list) in waiters {
            for waiter in list {
                waiter.resume(
                    returning: .refused(sequence: sequence, code: .internalError, reason: "the link closed before the hub answered"))
            }
        }
        waiters = [:]
    }
}
