import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

extension Hub {
    /// Rebuilds the state, sequence numbers and open gaps from the database, and logs any
    /// difference between the recomputed gaps and the logged open ones (for example after a
    /// change of gap rules) as lifecycle events with no causing message; returns them.
    ///
    /// The hub-made changes published before (section 7.4, ``HubMadeLog``) are replayed at
    /// their places among the messages. A database written before they were published has
    /// none: its messages are replayed on the roster, as that hub did.
    @discardableResult
    func restore(from store: HubStore) async throws -> [GapEvent] {
        var replaying = ledger
        let replay = try await HubLedger.replayStore(store, into: &replaying, roster: options.roster)
        ledger = replaying
        hubMade = replay.hubMade
        if replay.onRosterBase { replayedOnRosterBase = true }
        lastMessageID = replay.lastMessageID
        let replayed = replay.count
        ledger.noteSequences(try await store.rejectedSequences())
        if let stored = try await store.meta(HubStore.stateSequenceKey).flatMap(UInt64.init) {
            ledger.restoreStateSequence(stored)
        }
        let recomputed = ledger.finishReplay()
        // Gaps resolved before the restart may still be followed up (protocol section 17.2).
        ledger.noteKnownGaps(try await store.resolvedGapIDs())
        let logged = Dictionary(try await store.gaps().map { ($0.gap.id, $0.gap) }, uniquingKeysWith: { first, _ in first })
        let now = time.now()
        var events: [GapEvent] = []
        for gap in recomputed where logged[gap.id] != gap {
            events.append(GapEvent(gap: gap, change: logged[gap.id] == nil ? .opened : .changed, at: now, messageID: nil))
        }
        let open = Set(recomputed.map(\.id))
        for (id, gap) in logged where !open.contains(id) {
            events.append(GapEvent(gap: gap, change: .resolved, at: now, messageID: nil))
        }
        if !events.isEmpty { try await store.record(events) }
        if replayed > 0 {
            logger.info("rebuilt the state from \(replayed) stored messages; \(recomputed.count) open gaps")
        }
        return events
    }
}
