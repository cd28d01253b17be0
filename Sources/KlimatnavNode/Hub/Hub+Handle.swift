import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Decides about one batch of received messages (validation, authorization, state,
    /// gaps once for the batch) and hands it to the committer, which stores it in one group
    /// commit and answers. Waits while ``maxBatchesInFlight`` batches are not yet answered,
    /// and while the ledger is rebuilt after a failed commit.
    func handle(_ batch: [ReceivedMessage]) async {
        while rebuilding {
            pauseReading()
            await withCheckedContinuation { roomWaiters.append($0) }
        }
        resumeReading()
        let security = options.security
        var pending = core.decide(batch, now: Date()) { key, party in security?.isCurrent(key: key, party: party) ?? true }
        for note in pending.notes { logger.log(level: note.level, "\(note.text)") }
        pending.epoch = nextEpoch
        nextEpoch += 1
        inFlight.insert(pending.epoch)
        pipeline.push(pending)
        while inFlight.count >= Self.maxBatchesInFlight || rebuilding {
            pauseReading()
            await withCheckedContinuation { roomWaiters.append($0) }
        }
        resumeReading()
    }

    func send(_ message: WireMessage, to routingID: [UInt8]) async {
        sessions.sent(to: routingID, at: Date())
        do {
            try await router.send(Message(WireCodec.encode(message)), to: routingID)
        } catch {
            logger.debug("could not answer a peer: \(error)")
        }
    }
}
