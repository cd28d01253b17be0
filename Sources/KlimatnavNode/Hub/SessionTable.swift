import Foundation
import KlimatnavCore

/// Which party is behind which ROUTER routing id, and when each was last heard from.
struct SessionTable: Sendable {
    struct Session: Sendable {
        var party: PartyID
        var lastSeen: Date
    }

    private var byRoutingID: [[UInt8]: Session] = [:]

    mutating func open(_ routingID: [UInt8], party: PartyID, at time: Date) {
        byRoutingID[routingID] = Session(party: party, lastSeen: time)
    }

    func party(for routingID: [UInt8]) -> PartyID? { byRoutingID[routingID]?.party }

    mutating func touch(_ routingID: [UInt8], at time: Date) {
        byRoutingID[routingID]?.lastSeen = time
    }

    /// Forgets sessions not heard from since `deadline`; returns their parties.
    mutating func expire(before deadline: Date) -> [PartyID] {
        let dead = byRoutingID.filter { $0.value.lastSeen < deadline }
        for key in dead.keys { byRoutingID[key] = nil }
        return dead.values.map(\.party)
    }

    var count: Int { byRoutingID.count }
}
