import Foundation
import KlimatnavWire

extension LinkCore {
    /// A message from the hub: WELCOME, ACK, NACK (gap, no session, busy, refusals), SNAPSHOT.
    mutating func receive(_ message: WireMessage, now: Date, into effects: inout [LinkEffect]) {
        switch message {
        case .welcome(let welcome):
            welcomeArrived(welcome, now: now, into: &effects)
        case .ack(let ack):
            answered(ack.sequence, .acknowledged(sequence: ack.sequence, stateSequence: ack.stateSequence), now: now, into: &effects)
        case .nack(let nack):
            refused(nack, now: now, into: &effects)
        case .snapshot(let snapshot):
            snapshotWanted = false
            effects.append(.snapshot(snapshot))
        case .heartbeat, .delta, .gap, .hello, .domain, .snapshotRequest:
            break
        }
    }

    private mutating func welcomeArrived(_ welcome: Welcome, now: Date, into effects: inout [LinkEffect]) {
        heartbeatIntervalMs = welcome.heartbeatIntervalMs
        if welcome.nextSequence > nextSequence {
            nextSequence = welcome.nextSequence
            if settings.durable && nextSequence > 1 { effects.append(.raiseFloor(nextSequence - 1)) }
        }
        helloDelay = 0.5
        // A second WELCOME (answer to a repeated HELLO) changes nothing: the resend timer
        // already covers what is unanswered.
        guard !welcomed else { return }
        welcomed = true
        effects.append(.welcomed)
        // Whatever is unanswered goes again; the hub answers duplicates as the first time.
        for (_, frames) in outbox.all(now: now) { effects.append(.send(frames)) }
        // A snapshot asked for before the hub went away is asked for again (a long-lived
        // node's replica would otherwise wait for it forever).
        if snapshotWanted, let frames = try? WireCodec.encode(.snapshotRequest(SnapshotRequest(knownStateSequence: 0))) {
            effects.append(.send(frames))
        }
    }

    private mutating func refused(_ nack: Nack, now: Date, into effects: inout [LinkEffect]) {
        switch nack.code {
        case .sequenceGap:
            let from = nack.expectedSequence ?? 0
            if shouldResendForGap(from: from, now: now) {
                for (_, frames) in outbox.all(from: from, now: now) { effects.append(.send(frames)) }
            }
        case .noSession:
            // The hub forgot this session (it restarted, or expired it): HELLO once; the
            // NACKs for the rest of the pipeline need no HELLO each.
            guard welcomed else { return }
            welcomed = false
            nextHelloAt = now.addingTimeInterval(helloDelay)
            sayHello(into: &effects)
        case .busy:
            break  // the resend timer sends it again
        default:
            if nack.sequence == 0, welcomed, snapshotWanted {
                // In session, a NACK numbered 0 answers the SNAPSHOT-REQUEST (not-authorized,
                // or internal-error for a state too large for one SNAPSHOT).
                effects.append(.log(.error, "\(party): the hub refused the snapshot: \(nack.code.rawValue): \(nack.reason)"))
                snapshotWanted = false
                effects.append(.snapshotRefused(nack.code, nack.reason))
                return
            }
            if nack.sequence == 0 {
                effects.append(.log(.error, "\(party): the hub refused the session: \(nack.code.rawValue): \(nack.reason)"))
                effects.append(.sessionRefused(nack.code, nack.reason))
                return
            }
            effects.append(.log(.info, "\(party): message \(nack.sequence) refused: \(nack.code.rawValue): \(nack.reason)"))
            let refusal = Delivery.refused(sequence: nack.sequence, code: nack.code, reason: nack.reason)
            refusals.append(refusal)
            if refusals.count > 1000 { refusals.removeFirst(refusals.count - 1000) }
            answered(nack.sequence, refusal, now: now, into: &effects)
        }
    }

    /// An answer to message `sequence`: a round-trip sample (first attempts only), the answer
    /// handed over and noted for the durable outbox, room for waiting submissions.
    private mutating func answered(_ sequence: UInt64, _ delivery: Delivery, now: Date, into effects: inout [LinkEffect]) {
        if let entry = outbox.pending[sequence], entry.attempts == 1, entry.sentAt != .distantPast {
            roundTrip.add(now.timeIntervalSince(entry.sentAt))
        }
        let awaited = !self.awaited.isEmpty && self.awaited.remove(sequence) != nil
        guard outbox.answer(sequence, with: delivery, awaited: awaited) else { return }
        effects.append(.answered(sequence, delivery, awaited: awaited))
        if settings.durable {
            switch delivery {
            case .acknowledged(let sequence, let stateSequence):
                effects.append(.record(.init(sequence: sequence, acknowledged: true, stateSequence: stateSequence)))
            case .refused(let sequence, let code, let reason):
                effects.append(.record(.init(sequence: sequence, acknowledged: false, code: code.rawValue, reason: reason)))
            }
        }
        if outbox.unanswered < settings.maxInFlight { effects.append(.room) }
    }

    /// Whether a `sequence-gap` NACK asking to resend from `from` should be obeyed now: the
    /// first one is; the same request again within the resend delay is not (a pipeline of
    /// messages after a gap brings one NACK each).
    mutating func shouldResendForGap(from: UInt64, now: Date) -> Bool {
        if let last = lastGapResend, last.from == from, now.timeIntervalSince(last.at) < settings.resendAfter {
            return false
        }
        lastGapResend = (from, now)
        return true
    }
}
