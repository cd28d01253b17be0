import KlimatnavCore
import KlimatnavWire

/// What is due when the hub's timer fires (``HubCore/tick(now:readingPaused:)``).
struct HubTick: Sendable {
    /// A HEARTBEAT for each welcomed node the hub has sent nothing for one interval
    /// (protocol section 9; frame 2: the next sequence expected from it).
    var heartbeats: [(routingID: [UInt8], heartbeat: Heartbeat)] = []
    /// The parties whose sessions were forgotten: silent for interval × liveness.
    var expired: [PartyID] = []
}
