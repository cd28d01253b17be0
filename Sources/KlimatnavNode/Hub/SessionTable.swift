import Foundation
import KlimatnavCore

/// Which party is behind which ROUTER routing id, and when each was last heard from.
struct SessionTable: Sendable {
    struct Session: Sendable {
        var party: PartyID
        var lastSeen: Date
        var lastSent: Date
        /// The CURVE public key (Z85) the connection authenticated with, under CURVE.
        var key: String? = nil
    }

    private var byRoutingID: [[UInt8]: Session] = [:]

    mutating func open(_ routingID: [UInt8], party: PartyID, at time: Date, key: String? = nil) {
        byRoutingID[routingID] = Session(party: party, lastSeen: time, lastSent: time, key: key)
    }

    /// Forgets one session.
    mutating func close(_ routingID: [UInt8]) {
        byRoutingID[routingID] = nil
    }

    /// Forgets the sessions of `party` on connections other than `routingID` (a party has
    /// one session; a new HELLO takes it over, protocol section 6.1). Returns how many.
    @discardableResult
    mutating func close(party: PartyID, except routingID: [UInt8]) -> Int {
        let others = byRoutingID.filter { $0.value.party == party && $0.key != routingID }.keys
        for key in others { byRoutingID[key] = nil }
        return others.count
    }

    /// Forgets the sessions for which `isRevoked(party, key)` holds; returns their parties.
    mutating func drop(where isRevoked: (PartyID, String?) -> Bool) -> [PartyID] {
        let dead = byRoutingID.filter { isRevoked($0.value.party, $0.value.key) }
        for key in dead.keys { byRoutingID[key] = nil }
        return dead.values.map(\.party)
    }

    func party(for routingID: [UInt8]) -> PartyID? { byRoutingID[routingID]?.party }

    mutating func touch(_ routingID: [UInt8], at time: Date) {
        byRoutingID[routingID]?.lastSeen = time
    }

    /// Counts every session as heard from at `time`.
    mutating func touchAll(at time: Date) {
        for key in byRoutingID.keys { byRoutingID[key]?.lastSeen = time }
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
