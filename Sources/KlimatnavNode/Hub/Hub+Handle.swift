import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Decides about one batch of received messages (validation, authorization, state,
    /// gaps once for the batch) and hands it to the committer, which stores it in one group
    /// commit and answers. Waits while ``maxBatchesInFlight`` batches are not yet answered,
    /// and while the ledger is rebuilt after a failed commit.
    func handle(_ batch: [ReceivedMessage]) async {
        while rebuilding {
            pauseReading()
            await withCheckedContinuation { roomWaiters.append($0) }
        }
        resumeReading()
        let now = Date()
        var pending = HubBatch()
        for received in batch {
            handle(received, at: now, into: &pending)
        }
        // Gap detection once for the whole batch: each touched subject evaluated once.
        pending.attach(ledger.takeSettledGaps(at: now))
        // Each changed entity read from the state once, as the batch left it.
        pending.readEntities(from: ledger.state)
        pending.epoch = nextEpoch
        pending.stateSequence = ledger.stateSequence
        nextEpoch += 1
        inFlight.insert(pending.epoch)
        pipeline.push(pending)
        while inFlight.count >= Self.maxBatchesInFlight || rebuilding {
            pauseReading()
            await withCheckedContinuation { roomWaiters.append($0) }
        }
        resumeReading()
    }

    private func handle(_ received: ReceivedMessage, at now: Date, into pending: inout HubBatch) {
        guard let routingID = received.frames.first, received.frames.count > 1 else { return }
        let frames = Array(received.frames.dropFirst())
        guard checkConnection(received, routingID: routingID, frames: frames, at: now, into: &pending) else { return }
        let message: WireMessage
        do {
            message = try WireCodec.decode(frames: frames)
        } catch {
            let sequence = WireCodec.sequence(inHeader: frames)
            let sender = sessions.party(for: routingID)
            logger.debug("refused a malformed message from \(sender?.rawValue ?? "an unknown peer"): \(error)")
            var consumed = false
            if let sender, let sequence, WireCodec.usesSenderSequence(frames, refusedWith: error) {
                consumed = ledger.consume(sequence, from: sender)
            }
            pending.items.append(
                .rejected(
                    RejectedMessage(
                        sender: sender?.rawValue ?? received.userId, sequence: sequence,
                        type: frames.count > 1 ? String(decoding: frames[1].prefix(32), as: UTF8.self) : nil,
                        code: error.code.rawValue, reason: error.message, receivedAt: now, consumesSequence: consumed,
                        frame: error.frame, path: error.path)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: sequence ?? 0, error: error)))))
            return
        }
        switch message {
        case .hello(let hello):
            welcome(
                hello, routingID: routingID, userID: received.userId, key: received.properties[HubSecurity.keyProperty], at: now,
                into: &pending)
        case .heartbeat(let heartbeat):
            // A sign of life; not answered (each side sends its own, protocol section 9).
            guard sessions.party(for: routingID) != nil else {
                pending.replies.append((routingID, .now(noSession(heartbeat.sequence))))
                return
            }
            sessions.touch(routingID, at: now)
        case .snapshotRequest(let request):
            guard let partyID = sessions.party(for: routingID) else {
                pending.replies.append((routingID, .now(noSession(0))))
                return
            }
            sessions.touch(routingID, at: now)
            guard let kind = ledger.roster[partyID]?.kind, options.snapshotKinds.contains(kind) else {
                let kinds = options.snapshotKinds.map(\.rawValue).sorted().joined(separator: ", ")
                let nack = Nack(
                    sequence: 0, code: .notAuthorized, reason: "only parties of kind \(kinds) may ask for snapshots on this hub")
                pending.replies.append((routingID, .now(.nack(nack))))
                return
            }
            if request.knownStateSequence > ledger.stateSequence {
                // The requester holds a state from another history (a hub restored from an
                // older database): the SNAPSHOT replaces it (section 8).
                logger.notice(
                    "'\(partyID)' holds state sequence \(request.knownStateSequence), above the hub's \(ledger.stateSequence); it gets the whole state"
                )
            }
            ledger.settle(at: now)
            let snapshot = Snapshot(stateSequence: ledger.stateSequence, events: ledger.state.events(), gaps: ledger.tracker.gaps)
            pending.replies.append((routingID, .now(.snapshot(snapshot))))
        case .domain(let domain):
            guard let partyID = sessions.party(for: routingID), let party = ledger.roster[partyID] else {
                pending.items.append(
                    .rejected(
                        RejectedMessage(
                            sender: received.userId, sequence: domain.sequence, type: domain.event.name,
                            code: WireError.Code.noSession.rawValue,
                            reason: "message before HELLO", receivedAt: now, consumesSequence: false)))
                pending.replies.append((routingID, .afterCommit(noSession(domain.sequence))))
                return
            }
            sessions.touch(routingID, at: now)
            switch ledger.receive(domain, body: frames[3], from: party, at: now) {
            case .accepted(let accepted, let ack, let stateSequence, let entities):
                pending.acceptedAt[HubBatch.MessageKey(sender: partyID, sequence: domain.sequence)] = pending.items.count
                pending.noteEntities(entities, item: pending.items.count)
                pending.items.append(.accepted(accepted))
                pending.replies.append((routingID, .afterCommit(.ack(ack))))
                pending.published.append(.delta(stateSequence: stateSequence, by: partyID, event: accepted.type, body: frames[3]))
            case .rejected(let rejected, let nack):
                logger.info("refused \(rejected.type ?? "?") #\(nack.sequence) from \(partyID): \(nack.code.rawValue): \(nack.reason)")
                pending.items.append(.rejected(rejected))
                pending.replies.append((routingID, .afterCommit(.nack(nack))))
            case .duplicate(let sequence):
                pending.replies.append((routingID, .duplicate(sender: partyID, sequence: sequence)))
            case .outOfOrder(let nack):
                pending.replies.append((routingID, .now(.nack(nack))))
            }
        case .welcome, .ack, .nack, .snapshot, .delta, .gap:
            let error = WireError(.unknownType, "the hub does not accept \(message.type) from nodes", frame: 1)
            pending.replies.append((routingID, .now(.nack(Nack(sequence: message.sequence, error: error)))))
        }
    }

    private func welcome(_ hello: Hello, routingID: [UInt8], userID: String?, key: String?, at now: Date, into pending: inout HubBatch) {
        if let userID, userID != hello.party.rawValue {
            // A refused HELLO ends any session of this connection: until a correct HELLO,
            // everything else from it is answered `no-session` (section 6.1).
            sessions.close(routingID)
            let error = WireError(.identityMismatch, "authenticated as '\(userID)' but HELLO claims '\(hello.party)'")
            pending.items.append(
                .rejected(
                    RejectedMessage(
                        sender: userID, sequence: nil, type: "HELLO", code: error.code.rawValue, reason: error.message, receivedAt: now,
                        consumesSequence: false)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: 0, error: error)))))
            return
        }
        guard let party = ledger.roster[hello.party], party.kind != .reference else {
            sessions.close(routingID)
            let error = WireError(.unknownParty, "'\(hello.party)' is not on the hub's roster of parties that may connect")
            pending.items.append(
                .rejected(
                    RejectedMessage(
                        sender: userID ?? hello.party.rawValue, sequence: nil, type: "HELLO", code: error.code.rawValue,
                        reason: error.message, receivedAt: now, consumesSequence: false)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: 0, error: error)))))
            return
        }
        // One session per party: the newest HELLO takes it over (usually a restarted node
        // whose old connection the hub has not yet found dead); the old connection's
        // further messages get `no-session` (section 6.1).
        if sessions.close(party: party.id, except: routingID) > 0 {
            logger.notice("'\(party.id)' said HELLO on a new connection; its earlier connection's session is closed")
        }
        sessions.open(routingID, party: party.id, at: now, key: key)
        let welcome = Welcome(
            nextSequence: ledger.nextSequence(for: party.id), heartbeatIntervalMs: options.heartbeatIntervalMs,
            heartbeatLiveness: options.heartbeatLiveness)
        pending.replies.append((routingID, .now(.welcome(welcome))))
    }

    private func noSession(_ sequence: UInt64) -> WireMessage {
        .nack(Nack(sequence: sequence, code: .noSession, reason: "send HELLO first"))
    }

    func send(_ message: WireMessage, to routingID: [UInt8]) async {
        sessions.sent(to: routingID, at: Date())
        do {
            try await router.send(Message(WireCodec.encode(message)), to: routingID)
        } catch {
            logger.debug("could not answer a peer: \(error)")
        }
    }
}
