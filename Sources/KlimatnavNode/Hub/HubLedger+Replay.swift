import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

extension HubLedger {
    /// What ``replayStore(_:into:roster:)`` read.
    struct Replay {
        /// The hub-made changes (section 7.4) found in the database.
        var hubMade: HubMadeLog
        /// Messages replayed.
        var count: Int
        /// The id of the last message replayed (0 for none).
        var lastMessageID: Int64
        /// True when the database predates published hub-made changes and its messages were
        /// replayed on the roster, as that hub did.
        var onRosterBase: Bool
    }

    /// Applies a hub database to `ledger` as a restarting hub does: the hub-made changes at
    /// their places among the stored messages, in log order (or, for a database written before
    /// those were published, every message on `roster`). The gaps are recomputed afterwards by
    /// ``finishReplay()``. Shared by the hub's restore and ``GapAudit``.
    static func replayStore(_ store: HubStore, into ledger: inout HubLedger, roster: [Party]) async throws -> Replay {
        var afterID: Int64 = 0
        var replayed = 0
        var onRosterBase = false
        let stored = try await store.meta(HubMadeLog.metaKey)
        let hubMade = try stored.map { try HubMadeLog(json: $0) } ?? HubMadeLog()
        var pendingHubMade = hubMade.entries[...]
        while true {
            let page = try await store.messages(after: afterID, limit: 5000)
            guard let last = page.last else { break }
            if afterID == 0, stored == nil {
                try ledger.replayBase(roster)
                onRosterBase = true
            }
            for message in page {
                while let entry = pendingHubMade.first, entry.after < message.id {
                    try ledger.replayHubMade(entry.event)
                    pendingHubMade = pendingHubMade.dropFirst()
                }
                let domain = try WireCodec.decodeDomain(event: message.type, sequence: message.sequence, body: Array(message.body))
                guard let sender = PartyID(message.sender) else {
                    throw StoreError("replay message \(message.id)", "it is not a domain message")
                }
                try ledger.replay(domain.event, sender: sender, sequence: message.sequence)
            }
            replayed += page.count
            afterID = last.id
        }
        for entry in pendingHubMade { try ledger.replayHubMade(entry.event) }
        return Replay(hubMade: hubMade, count: replayed, lastMessageID: afterID, onRosterBase: onRosterBase)
    }
}
