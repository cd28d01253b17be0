import AsyncAlgorithms
import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

/// The hub's second task: commits each ``HubBatch`` (group commit), then encodes and sends
/// its answers and publications, in the order the reader decided the batches, and reports
/// each outcome back to the reader. It runs beside the reader, so the next batch is decided
/// while this one is stored: the hub's work and SQLite's overlap on two cores.
///
/// When a commit fails, that batch and the batches decided on top of it (the same
/// ``HubBatch/generation``) are answered `busy` without being stored, until the reader has
/// rebuilt its ledger from the database.
struct HubCommitter: Sendable {
    let store: HubStore
    let router: AsyncSocket
    let publisher: HubPublisher?
    let logger: Logger

    /// Processes batches until `decided` is finished, reporting each outcome on `report`.
    func run(_ decided: AsyncChannel<HubBatch>, report: AsyncStream<CommitOutcome>.Continuation) async {
        defer { report.finish() }
        var failedGeneration: UInt64?
        for await batch in decided {
            var committed = false
            if batch.generation != failedGeneration { committed = await commit(batch) }
            if !committed { failedGeneration = batch.generation }
            await answer(batch, committed: committed)
            if committed { await publisher?.publish(batch.published, through: batch.stateSequence) }
            report.yield(committed ? .committed : .failed(generation: batch.generation))
        }
    }

    /// Stores `batch` in one transaction; false when that failed.
    private func commit(_ batch: HubBatch) async -> Bool {
        var batch = batch
        do {
            try batch.encodeEntities()
            if !batch.items.isEmpty { _ = try await store.commit(batch.items, stateSequence: batch.stateSequence) }
            return true
        } catch {
            logger.error(
                "group commit failed; \(batch.items.count) messages not acknowledged (and the batches handled after them): \(error)")
            return false
        }
    }

    private func answer(_ batch: HubBatch, committed: Bool) async {
        var outgoing: [Message] = []
        outgoing.reserveCapacity(batch.replies.count)
        for (routingID, reply) in batch.replies {
            let message: WireMessage
            switch reply {
            case .now(let now):
                message = now
            case .afterCommit(let answer):
                message = committed ? answer : Self.busy(answer.sequence)
            case .duplicate(let sender, let sequence):
                message = committed ? await answerForDuplicate(sender: sender, sequence: sequence) : Self.busy(sequence)
            }
            if let frames = Self.answerFrames(message, logger: logger) {
                outgoing.append(Message([routingID] + frames))
            }
        }
        do {
            try await router.send(contentsOf: outgoing)
        } catch {
            logger.debug("could not answer peers: \(error)")
        }
    }

    private func answerForDuplicate(sender: PartyID, sequence: UInt64) async -> WireMessage {
        if let refusal = try? await store.rejection(sender: sender.rawValue, sequence: sequence),
            let code = WireError.Code(rawValue: refusal.code)
        {
            return .nack(Nack(sequence: sequence, code: code, reason: refusal.reason, frame: refusal.frame, path: refusal.path))
        }
        return .ack(Ack(sequence: sequence))
    }

    /// The frames of `answer`, or, when it cannot be encoded (a hub bug, or a SNAPSHOT over
    /// its limits), of a NACK `internal-error` saying why: the peer always gets an answer
    /// (protocol section 10).
    static func answerFrames(_ answer: WireMessage, logger: Logger) -> [[UInt8]]? {
        do {
            return try WireCodec.encode(answer)
        } catch {
            logger.error("could not encode a \(answer.type) answer; sending internal-error instead: \(error)")
            let sequence = answer.type == WireMessageType.snapshot.rawValue ? 0 : answer.sequence
            let reason =
                answer.type == WireMessageType.snapshot.rawValue
                ? "the hub's state does not fit in one SNAPSHOT (\(error)); see the protocol's known weaknesses"
                : "the hub could not encode its \(answer.type) answer (\(error)); please report this"
            return try? WireCodec.encode(.nack(Nack(sequence: sequence, code: .internalError, reason: reason)))
        }
    }

    static func busy(_ sequence: UInt64) -> WireMessage {
        .nack(Nack(sequence: sequence, code: .busy, reason: "the hub could not store the message; resend it later"))
    }
}
