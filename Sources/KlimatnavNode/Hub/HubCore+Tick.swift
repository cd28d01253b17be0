import Foundation
import KlimatnavCore
import KlimatnavWire

extension HubCore {
    /// What is due at `now` (protocol section 9): silent sessions are forgotten (unless
    /// `readingPaused`: while the hub reads nothing, the nodes' heartbeats wait unread, so
    /// their silence is the hub's), then each welcomed node the hub has sent nothing for one
    /// interval gets a HEARTBEAT, counted as sent now.
    mutating func tick(now: Date, readingPaused: Bool) -> HubTick {
        var due = HubTick(expired: expire(now: now, readingPaused: readingPaused))
        let interval = Double(heartbeatIntervalMs) / 1000
        for (routingID, party) in sessions.idle(since: now.addingTimeInterval(-interval)) {
            due.heartbeats.append((routingID, Heartbeat(sequence: ledger.nextSequence(for: party))))
            sessions.sent(to: routingID, at: now)
        }
        return due
    }

    /// Forgets the sessions not heard from for interval × liveness before `now`; such a
    /// node must HELLO again, and its sequence counter is kept. Returns their parties.
    mutating func expire(now: Date, readingPaused: Bool) -> [PartyID] {
        guard !readingPaused else { return [] }
        return sessions.expire(before: now.addingTimeInterval(-livenessWindow))
    }

    /// interval × liveness, in seconds.
    var livenessWindow: TimeInterval { Double(heartbeatIntervalMs * heartbeatLiveness) / 1000 }
}
