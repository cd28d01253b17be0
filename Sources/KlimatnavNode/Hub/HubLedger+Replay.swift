import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

extension HubLedger {
    /// Applies every stored message of `store` to `ledger`, in log order, as a restarting hub
    /// does; the gaps are recomputed afterwards by ``finishReplay()``. Returns the count.
    static func replayMessages(from store: HubStore, into ledger: inout HubLedger) async throws -> Int {
        var afterID: Int64 = 0
        var replayed = 0
        while true {
            let page = try await store.messages(after: afterID, limit: 5000)
            guard let last = page.last else { break }
            for message in page {
                let frames = [WireCodec.frame0, Array(message.type.utf8), Hub.header(message.sequence), Array(message.body)]
                guard case .domain(let domain) = try WireCodec.decode(frames: frames), let sender = PartyID(message.sender) else {
                    throw StoreError("replay message \(message.id)", "it is not a domain message")
                }
                try ledger.replay(domain.event, sender: sender, sequence: message.sequence)
            }
            replayed += page.count
            afterID = last.id
        }
        return replayed
    }
}
