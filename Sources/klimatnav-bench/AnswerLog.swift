import KlimatnavNode
import Synchronization

/// When each acknowledgement of one link arrived (``LinkOptions/onAnswer`` runs on the
/// link's actor; the sender reads the log once the link is flushed).
final class AnswerLog: Sendable {
    private let answers: Mutex<[(sequence: UInt64, at: Double)]>

    init(capacity: Int) {
        var initial: [(sequence: UInt64, at: Double)] = []
        initial.reserveCapacity(capacity)
        answers = Mutex(initial)
    }

    func note(_ delivery: Delivery) {
        guard case .acknowledged(let sequence, _) = delivery else { return }
        let time = now()
        answers.withLock { $0.append((sequence, time)) }
    }

    /// Acknowledgement latencies in ms of the messages sent at `sentAt` (by sequence).
    func latencies(sentAt: [UInt64: Double]) -> [Double] {
        answers.withLock { answers in
            answers.compactMap { answer in sentAt[answer.sequence].map { (answer.at - $0) * 1000 } }
        }
    }
}
