import Foundation
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Protocol section 9: every welcomed node the hub has sent nothing for one interval gets a
    /// HEARTBEAT (frame 2: the next sequence expected from it); the PUB socket publishes a
    /// HEARTBEAT (frame 2: the current state sequence) when it has been quiet that long.
    func heartbeat() async {
        let now = Date()
        let interval = Double(options.heartbeatIntervalMs) / 1000
        for (routingID, party) in sessions.idle(since: now.addingTimeInterval(-interval)) {
            await send(.heartbeat(Heartbeat(sequence: ledger.nextSequence(for: party))), to: routingID)
        }
        if let publisher, now.timeIntervalSince(lastPublished) >= interval {
            lastPublished = now
            if let frames = try? WireCodec.encode(.heartbeat(Heartbeat(sequence: publishedStateSequence))) {
                try? await publisher.send(Message(frames))
            }
        }
    }
}
