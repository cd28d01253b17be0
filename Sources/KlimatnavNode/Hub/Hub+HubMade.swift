import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

extension Hub {
    /// Protocol section 7.4: the hub states its roster's parties and its reference goals
    /// itself, as DELTAs without `by`, numbered like any change, so a subscriber can rebuild
    /// the hub's state from PUB and SNAPSHOT alone. At the first start that is every party
    /// and reference goal, then the GAPs they open; at a later start only what changed since
    /// it last published them. Called once, when the hub starts; the changes, their gap
    /// events and the new state sequence are stored before anything is published.
    func publishHubMade(restored: [GapEvent], store: HubStore) async throws {
        let now = time.now()
        var publications: [HubPublication] = []
        // Gap changes found when the log was replayed (for example new gap rules) come first.
        for message in ledger.numberGapChanges(restored.map { ($0.gap, $0.change) }, at: now) {
            publications.append(.message(.gap(message)))
        }
        var log = hubMade
        var changes = hubMade.changes(parties: options.roster, referenceGoals: options.referenceGoals)
        if replayedOnRosterBase {
            // A database from before section 7.4: its messages were replayed on the roster.
            // The log keeps that base before every message (so the next start replays the
            // same way), and the whole roster is published now, after them.
            for party in options.roster { log.append(HubMadeLog.Entry(after: 0, event: .partyRegistered(party))) }
            changes = HubMadeLog().changes(parties: options.roster, referenceGoals: options.referenceGoals)
        }
        var changed: [EntityKey] = []
        for event in changes {
            do {
                let stateSequence = try ledger.applyHubMade(event)
                publications.append(.message(.delta(Delta(stateSequence: stateSequence, by: nil, event: event))))
                log.append(HubMadeLog.Entry(after: lastMessageID, event: event))
                changed += EntityKey.keys(for: event).filter { !changed.contains($0) }
            } catch {
                logger.error("could not apply the hub's own \(event.name) change (roster or reference goals): \(error)")
            }
        }
        let settled = ledger.takeSettledGaps(at: now)
        publications += settled.map { .message(.gap($0.message)) }
        guard !publications.isEmpty else { return }
        // The current-state rows too, so what reads the database (the report) sees them.
        let entities = try changed.map { try $0.row(in: ledger.state).change() }
        try await store.record(settled.map { GapEvent(gap: $0.gap, change: $0.change, at: now, messageID: nil) }, entities: entities)
        try await store.setMeta(HubStore.stateSequenceKey, String(ledger.stateSequence))
        if log.entries != hubMade.entries { try await store.setMeta(HubMadeLog.metaKey, try log.json()) }
        hubMade = log
        startupPublications = publications
        logger.info(
            "published \(publications.count) changes of the hub's own (roster, reference goals, gaps); state sequence \(ledger.stateSequence)"
        )
    }
}
