import Foundation
import KlimatnavCore
import KlimatnavWire
import ZeroMQ

extension PartyLink {
    /// Reads the hub's answers and keeps the link alive (resends, heartbeats) until ``close()``.
    public func run() async {
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await self?.tick()
            }
        }
        defer { ticker.cancel() }
        do {
            for try await batch in socket.batches {
                lastHeard = Date()
                for received in batch { await handle(received.frames) }
                await recordAnswers()
            }
        } catch {
            logger.warning("link of \(party) stopped: \(error)")
        }
    }

    private func handle(_ frames: [[UInt8]]) async {
        let message: WireMessage
        do {
            message = try WireCodec.decode(frames: frames)
        } catch {
            logger.warning("\(party): the hub sent a message this node cannot read: \(error)")
            return
        }
        switch message {
        case .welcome(let welcome):
            heartbeatIntervalMs = welcome.heartbeatIntervalMs
            if welcome.nextSequence > nextSequence {
                nextSequence = welcome.nextSequence
                await raiseFloor(to: nextSequence)
            }
            reliability.helloDelay = 0.5
            // A second WELCOME (answer to a repeated HELLO) changes nothing: the resend
            // timer already covers what is unanswered.
            guard !welcomed else { return }
            welcomed = true
            for waiter in welcomeWaiters { waiter.resume() }
            welcomeWaiters = []
            // Whatever is unanswered goes again; the hub answers duplicates as the first time.
            await resend(outbox.all(now: Date()))
            // A snapshot asked for before the hub went away is asked for again (a long-lived
            // node's replica would otherwise wait for it forever).
            if !snapshotWaiters.isEmpty, let frames = try? WireCodec.encode(.snapshotRequest(SnapshotRequest(knownStateSequence: 0))) {
                try? await socket.send(Message(frames))
            }
        case .ack(let ack):
            answered(ack.sequence, .acknowledged(sequence: ack.sequence, stateSequence: ack.stateSequence))
        case .nack(let nack):
            switch nack.code {
            case .sequenceGap:
                let from = nack.expectedSequence ?? 0
                if shouldResendForGap(from: from, now: Date()) {
                    await resend(outbox.all(from: from, now: Date()))
                }
            case .noSession:
                // The hub forgot this session (it restarted, or expired it): HELLO once; the
                // NACKs for the rest of the pipeline need no HELLO each.
                guard welcomed else { return }
                welcomed = false
                reliability.nextHelloAt = Date().addingTimeInterval(reliability.helloDelay)
                try? await sendHello()
            case .busy:
                break  // the resend timer sends it again
            default:
                let refusal = Delivery.refused(sequence: nack.sequence, code: nack.code, reason: nack.reason)
                if nack.sequence == 0, welcomed, !snapshotWaiters.isEmpty {
                    // In session, a NACK numbered 0 answers the SNAPSHOT-REQUEST (not-authorized,
                    // or internal-error for a state too large for one SNAPSHOT).
                    logger.error("\(party): the hub refused the snapshot: \(nack.code.rawValue): \(nack.reason)")
                    let waiters = snapshotWaiters
                    snapshotWaiters = []
                    for waiter in waiters { waiter.resume(throwing: LinkError.refused(nack.code.rawValue, nack.reason)) }
                    return
                }
                if nack.sequence == 0 {
                    logger.error("\(party): the hub refused the session: \(nack.code.rawValue): \(nack.reason)")
                    for waiter in welcomeWaiters { waiter.resume(throwing: LinkError.refused(nack.code.rawValue, nack.reason)) }
                    welcomeWaiters = []
                    return
                }
                logger.info("\(party): message \(nack.sequence) refused: \(nack.code.rawValue): \(nack.reason)")
                refusals.append(refusal)
                if refusals.count > 1000 { refusals.removeFirst(refusals.count - 1000) }
                answered(nack.sequence, refusal)
            }
        case .snapshot(let snapshot):
            let waiters = snapshotWaiters
            snapshotWaiters = []
            for waiter in waiters { waiter.resume(returning: snapshot) }
        case .heartbeat, .delta, .gap, .hello, .domain, .snapshotRequest:
            break
        }
    }

    private func answered(_ sequence: UInt64, _ delivery: Delivery) {
        if let entry = outbox.pending[sequence], entry.attempts == 1, entry.sentAt != .distantPast {
            reliability.roundTrip.add(Date().timeIntervalSince(entry.sentAt))
        }
        guard outbox.answer(sequence, with: delivery) else { return }
        noteAnswer(sequence, delivery)
        options.onAnswer?(delivery)
        if outbox.unanswered < options.maxInFlight {
            let waiters = flushWaiters
            flushWaiters = []
            for waiter in waiters { waiter.resume() }
        }
    }

    func sendHello() async throws {
        let hello = Hello(party: party, software: "klimatnav/1", lastSequence: nextSequence - 1)
        try await socket.send(Message(WireCodec.encode(.hello(hello))))
    }

    private func resend(_ entries: [(UInt64, [[UInt8]])]) async {
        for (_, frames) in entries {
            try? await socket.send(Message(frames))
        }
    }

    /// Every 100 ms: HELLO again while unwelcomed, resend what waited too long, heartbeat
    /// when idle, and notice a silent hub.
    private func tick() async {
        guard !closed else { return }
        let now = Date()
        if !welcomed {
            // HELLO again with backoff (0.5 s doubling up to maxResendMs) while the hub is
            // silent: every HELLO queued during an outage is answered by a WELCOME later.
            if now >= reliability.nextHelloAt {
                try? await sendHello()
                reliability.nextHelloAt = now.addingTimeInterval(reliability.helloDelay)
                reliability.helloDelay = min(reliability.helloDelay * 2, Double(options.maxResendMs) / 1000)
            }
            return
        }
        // Never sooner than answers take now: resending what a busy hub still has queued
        // would only add to its load.
        let cap = Double(options.maxResendMs) / 1000
        let base = min(cap, max(Double(options.resendAfterMs) / 1000, reliability.roundTrip.timeout ?? 0))
        let due = outbox.due(
            before: { entry in
                entry.sentAt.addingTimeInterval(min(cap, base * pow(2, Double(max(0, entry.attempts - 1)))))
            }, now: now)
        await resend(due)
        let interval = Double(heartbeatIntervalMs) / 1000
        if now.timeIntervalSince(lastHeard) > interval {
            if let frames = try? WireCodec.encode(.heartbeat(Heartbeat(sequence: nextSequence - 1))) {
                try? await socket.send(Message(frames))
            }
        }
        if now.timeIntervalSince(lastHeard) > interval * Double(options.heartbeatLiveness) {
            logger.warning("\(party): no word from the hub for \(Int(now.timeIntervalSince(lastHeard)))s; saying HELLO again")
            welcomed = false
            lastHeard = now
            reliability.hubSilences += 1
            reliability.nextHelloAt = now
            options.onHubSilent?(now)
        }
    }
}

/// Why a link could not be set up.
public enum LinkError: Error, CustomStringConvertible {
    case refused(String, String)

    public var description: String {
        switch self {
        case .refused(let code, let reason): "the hub refused this node: \(code): \(reason)"
        }
    }
}
