import Foundation
import KlimatnavCore
import KlimatnavStore
import Logging

/// Writes a ``StateFeed``'s replica to the node's database each time it moves on (a delta, a
/// gap event, a fresh snapshot after a missed delta or a hub restart), and tells `onGap`
/// about every gap that names `party` as it opens, changes or closes.
struct ReplicaWriter: Sendable {
    let feed: StateFeed
    let store: HubStore
    let party: PartyID
    let logger: Logger
    let onGap: @Sendable (GapEvent, WorldState) -> Void

    /// Runs until the feed closes.
    func run(stopped: @Sendable () -> Bool) async {
        var written: UInt64? = nil
        while !stopped() {
            await feed.waitFor(stateSequence: (written ?? 0) + 1)
            if stopped() { return }
            let replica = await feed.replica
            guard !replica.needsSnapshot, replica.stateSequence != written else { continue }
            do {
                let events = try await store.mirror(
                    state: replica.state, gaps: Array(replica.gaps.values), stateSequence: replica.stateSequence)
                written = replica.stateSequence
                for event in events where event.gap.parties.contains(party) { onGap(event, replica.state) }
            } catch {
                logger.error("\(party): could not write the replica to \(store.path): \(error)")
            }
        }
    }
}
