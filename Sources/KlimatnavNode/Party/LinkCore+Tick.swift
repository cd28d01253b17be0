import Foundation
import KlimatnavWire

extension LinkCore {
    /// Every 100 ms: HELLO again while unwelcomed, resend what waited too long, heartbeat
    /// when idle, and notice a silent hub.
    mutating func tick(now: Date, into effects: inout [LinkEffect]) {
        guard !closed else { return }
        if !welcomed {
            // HELLO again with backoff (0.5 s doubling up to maxResendMs) while the hub is
            // silent: every HELLO queued during an outage is answered by a WELCOME later.
            if now >= nextHelloAt {
                sayHello(into: &effects)
                nextHelloAt = now.addingTimeInterval(helloDelay)
                helloDelay = min(helloDelay * 2, settings.maxResend)
            }
            return
        }
        // Never sooner than answers take now: resending what a busy hub still has queued
        // would only add to its load.
        let cap = settings.maxResend
        let base = min(cap, max(settings.resendAfter, roundTrip.timeout ?? 0))
        let due = outbox.due(before: { $0.sentAt.addingTimeInterval(min(cap, base * pow(2, Double(max(0, $0.attempts - 1))))) }, now: now)
        for (_, frames) in due { effects.append(.send(frames)) }
        let interval = Double(heartbeatIntervalMs) / 1000
        if now.timeIntervalSince(lastHeard) > interval,
            let frames = try? WireCodec.encode(.heartbeat(Heartbeat(sequence: nextSequence - 1)))
        {
            effects.append(.send(frames))
        }
        if now.timeIntervalSince(lastHeard) > interval * Double(settings.heartbeatLiveness) {
            effects.append(
                .log(.warning, "\(party): no word from the hub for \(Int(now.timeIntervalSince(lastHeard)))s; saying HELLO again"))
            welcomed = false
            lastHeard = now
            hubSilences += 1
            nextHelloAt = now
            effects.append(.hubSilent(now))
        }
    }
}
