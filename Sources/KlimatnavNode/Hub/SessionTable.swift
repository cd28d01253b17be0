import Foundation
import KlimatnavCore

/// Which party is behind which ROUTER routing id, and when each was last heard from.
struct SessionTable: Sendable {
    struct Session: Sendable {
        var party: PartyID
        var lastSeen: Date
        var lastSent: Date
    }

    private var byRoutingID: [[UInt8]: Session] = [:]

    mutating func open(_ routingID: [UInt8], party: PartyID, at time: Date) {
        byRoutingID[routingID] = Session(party: party, lastSeen: time, lastSent: time)
    }

    func party(for routingID: [UInt8]) -> PartyID? { byRoutingID[routingID]?.party }

    mutating func touch(_ routingID: [UInt8], at time: Date) {
        byRoutingID[routingID]?.lastSeen = time
    }

    mutating func sent(to routingID: [UInt8], at time: Date) {
        byRoutingID[routingID]?.lastSent = time
    }

    /// Sessions the hub has sent nothing since `deadline`: (routing id, party).
    func idle(since deadline: Date) -> [([UInt8], PartyID)] {
        byRoutingID.filter { $0.value.lastSent < deadline }.map { ($0.key, $0.value.party) }
    }

    /// Forgets sessions not heard from since `deadline`; returns their parties.
    mutating func expire(before deadline: Date) -> [PartyID] {
        let dead = byRoutingID.filter { $0.value.lastSeen < deadline }
        for key in dead.keys { byRoutingID[key] = nil }
        return dead.values.map(\.party)
    }

    var count: Int { byRoutingID.count }
}
