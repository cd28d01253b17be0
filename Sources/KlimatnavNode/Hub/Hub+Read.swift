import AsyncAlgorithms
import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// The reader: decides about each batch the ROUTER received (``HubCore``), hands it to the
    /// committer, and handles the committer's reports. After a failed commit nothing of that
    /// batch, or of the batches decided on top of it, is stored, so the ledger is rebuilt from
    /// the database (the truth, as after a restart) before anything else is decided.
    func read(_ io: HubIO, decided: AsyncChannel<HubBatch>, outcomes: AsyncStream<CommitOutcome>) async throws {
        let received = chain(io.router.batches.map(HubInput.received), [HubInput.closed].async)
        let security = options.security
        for try await input in merge(received, outcomes.map(HubInput.committed)) {
            switch input {
            case .received(let batch):
                var pending = core.decide(batch, now: time.now()) { key, party in
                    security?.isCurrent(key: key, party: party) ?? true
                }
                for note in pending.notes { logger.log(level: note.level, "\(note.text)") }
                pending.generation = generation
                // Waits while the committer still stores the batch before.
                pauseReading()
                await decided.send(pending)
                resumeReading()
            case .closed:
                decided.finish()
            case .committed(.failed(let failed)) where failed == generation:
                pauseReading()
                await rebuild(from: io.store)
                generation += 1
                resumeReading()
            case .committed:
                break
            }
        }
    }

    /// Rebuilds the ledger from the database, trying again every second until it can.
    /// Keeping a copy of the ledger per batch instead would copy the whole state once per
    /// batch: a cost paid on every batch for a failure that is rare.
    private func rebuild(from store: HubStore) async {
        while true {
            do {
                ledger = try HubLedger(roster: options.roster, engine: ledger.tracker.engine)
                try await restore(from: store)
                return
            } catch {
                logger.error("could not rebuild the state from the database after a failed commit; trying again in 1 s: \(error)")
                try? await time.clock.sleep(for: .seconds(1))
            }
        }
    }

    /// The reader stops reading (it waits for the committer, or rebuilds its ledger).
    func pauseReading() {
        if readingPausedSince == nil { readingPausedSince = time.now() }
    }

    /// The reader reads again. When it waited long enough to matter (a tenth of a heartbeat
    /// interval), every session's silence starts now, since whatever the nodes sent meanwhile
    /// waited unread.
    func resumeReading() {
        guard let since = readingPausedSince else { return }
        readingPausedSince = nil
        let now = time.now()
        if now.timeIntervalSince(since) * 1000 >= Double(options.heartbeatIntervalMs) / 10 {
            sessions.touchAll(at: now)
        }
    }
}
