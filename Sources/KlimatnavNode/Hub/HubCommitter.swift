import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

/// The second stage of the hub's pipeline: commits each ``HubBatch`` (group commit), then
/// encodes and sends its answers and publications, in the order the actor handled the
/// batches. It runs beside the actor, so the next batch is decided while this one is
/// stored: the actor's work and SQLite's overlap on two cores.
///
/// When a commit fails, the hub rebuilds its ledger from the database, and that batch and
/// the batches decided on top of it are answered `busy` without being stored
/// (``Hub/commitFailed(_:)``).
struct HubCommitter: Sendable {
    let store: HubStore
    let router: AsyncSocket
    let publisher: AsyncSocket?
    let logger: Logger

    /// Processes batches until `queue` is finished and drained. Batches queued together
    /// (decided while the previous commit waited for the disk) share one commit.
    func run(_ queue: HubBatchQueue, hub: Hub) async {
        var doomedThrough: UInt64 = 0
        while true {
            var batches = await queue.takeAll()
            guard let first = batches.first, let last = batches.last else { return }
            var committed = first.epoch > doomedThrough
            var items: [BatchItem] = []
            if committed {
                do {
                    for index in batches.indices {
                        try batches[index].encodeEntities()
                        items += batches[index].items
                    }
                    if !items.isEmpty {
                        _ = try await store.commit(items, stateSequence: last.stateSequence)
                    }
                } catch {
                    committed = false
                    doomedThrough = await hub.commitFailed(first.epoch)
                    logger.error(
                        "group commit failed; \(items.count) messages not acknowledged (and the batches handled after them): \(error)")
                }
            }
            for batch in batches {
                await answer(batch, committed: committed)
                if committed { await publish(batch) }
            }
            await hub.finished(through: last.epoch, publishedThrough: committed ? last.stateSequence : nil)
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

    private func publish(_ batch: HubBatch) async {
        guard let publisher else { return }
        await Self.publish(batch.published, on: publisher, logger: logger)
    }

    /// Encodes and sends `publications` on the PUB socket, in order.
    static func publish(_ publications: [HubPublication], on publisher: AsyncSocket, logger: Logger) async {
        guard !publications.isEmpty else { return }
        var messages: [Message] = []
        messages.reserveCapacity(publications.count)
        for publication in publications {
            do {
                messages.append(Message(try publication.frames()))
            } catch {
                // Subscribers see the jump in the state sequence and ask for a snapshot.
                logger.error(
                    "could not encode the publication with state sequence \(publication.stateSequence); subscribers will resynchronise: \(error)"
                )
            }
        }
        do {
            try await publisher.send(contentsOf: messages)
        } catch {
            logger.debug("could not publish: \(error)")
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
