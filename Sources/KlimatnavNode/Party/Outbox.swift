import Foundation
import KlimatnavWire

/// Messages sent and not yet answered, in sequence order, with the refusals nobody has asked
/// for yet. Part of ``LinkCore``: no waiting here.
struct Outbox {
    struct Entry {
        var frames: [[UInt8]]
        var sentAt: Date
        var attempts: Int
    }

    private(set) var pending: [UInt64: Entry] = [:]
    private var answers: [UInt64: Delivery] = [:]

    var unanswered: Int { pending.count }

    mutating func add(sequence: UInt64, frames: [[UInt8]], at time: Date) {
        pending[sequence] = Entry(frames: frames, sentAt: time, attempts: 1)
    }

    /// Records the answer; a refusal nobody waits for (`awaited` false) is kept until asked
    /// for. Returns false for an unknown sequence (answered already, or never sent).
    @discardableResult
    mutating func answer(_ sequence: UInt64, with delivery: Delivery, awaited: Bool) -> Bool {
        guard pending.removeValue(forKey: sequence) != nil else { return false }
        if !awaited && !delivery.isAcknowledged {
            answers[sequence] = delivery  // kept until asked for; acknowledgements are implied
        }
        return true
    }

    /// The answer to `sequence` if known: a kept refusal, or an implied acknowledgement once
    /// it left the outbox; `nil` while unanswered.
    func answer(for sequence: UInt64) -> Delivery? {
        if let answer = answers[sequence] { return answer }
        return pending[sequence] == nil ? .acknowledged(sequence: sequence, stateSequence: nil) : nil
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
}
