import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Replies to send after the batch's commit, and what to publish.
    struct Pending {
        var items: [BatchItem] = []
        /// (routing id, reply), in arrival order; `nil` reply = look up a duplicate's answer.
        var replies: [(routingID: [UInt8], reply: Reply)] = []
        var published: [WireMessage] = []
        /// Where each accepted message sits in `items`, to attach its gap changes.
        var acceptedAt: [MessageKey: Int] = [:]
    }

    struct MessageKey: Hashable {
        var sender: PartyID
        var sequence: UInt64
    }

    enum Reply {
        case now(WireMessage)
        case afterCommit(WireMessage)
        case duplicate(sender: PartyID, sequence: UInt64)
    }

    /// Handles one batch of received messages as one group commit.
    func handle(_ batch: [ReceivedMessage]) async {
        let saved = ledger
        let now = Date()
        var pending = Pending()
        for received in batch {
            handle(received, at: now, into: &pending)
        }
        // Gap detection once for the whole batch: each touched subject evaluated once.
        let settled = ledger.takeSettledGaps(at: now)
        if !settled.isEmpty {
            for gap in settled {
                if let index = pending.acceptedAt[MessageKey(sender: gap.sender, sequence: gap.sequence)],
                    case .accepted(var message) = pending.items[index]
                {
                    message.gapChanges.append((gap.gap, gap.change))
                    pending.items[index] = .accepted(message)
                }
                pending.published.append(.gap(gap.message))
            }
            // In state-sequence order (a revision settles mid-batch).
            pending.published.sort { $0.sequence < $1.sequence }
        }
        var committed = true
        if !pending.items.isEmpty {
            do {
                _ = try await store.commit(pending.items, stateSequence: ledger.stateSequence)
            } catch {
                committed = false
                ledger = saved
                logger.error("group commit failed; \(pending.items.count) messages not acknowledged: \(error)")
            }
        }
        for (routingID, reply) in pending.replies {
            switch reply {
            case .now(let message):
                await send(message, to: routingID)
            case .afterCommit(let message):
                if committed {
                    await send(message, to: routingID)
                } else {
                    await send(.nack(Nack(sequence: message.sequence, code: .busy, reason: "the hub could not store the message; resend it later")), to: routingID)
                }
            case .duplicate(let sender, let sequence):
                await send(await answerForDuplicate(sender: sender, sequence: sequence), to: routingID)
            }
        }
        if committed, let publisher, !pending.published.isEmpty {
            lastPublished = Date()
            for message in pending.published {
                guard let frames = try? WireCodec.encode(message) else { continue }
                try? await publisher.send(Message(frames))
            }
        }
    }

    private func handle(_ received: ReceivedMessage, at now: Date, into pending: inout Pending) {
        guard let routingID = received.frames.first, received.frames.count > 1 else { return }
        let frames = Array(received.frames.dropFirst())
        guard checkConnection(received, routingID: routingID, frames: frames, at: now, into: &pending) else { return }
        let message: WireMessage
        do {
            message = try WireCodec.decode(frames: frames)
        } catch {
            let sequence = Hub.headerSequence(frames)
            let sender = sessions.party(for: routingID)
            logger.debug("refused a malformed message from \(sender?.rawValue ?? "an unknown peer"): \(error)")
            var consumed = false
            if let sender, let sequence { consumed = ledger.consume(sequence, from: sender) }
            pending.items.append(.rejected(RejectedMessage(
                sender: sender?.rawValue ?? received.userId, sequence: sequence,
                type: frames.count > 1 ? String(decoding: frames[1].prefix(32), as: UTF8.self) : nil,
                code: error.code.rawValue, reason: error.message, receivedAt: now, consumesSequence: consumed)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: sequence ?? 0, error: error)))))
            return
        }
        switch message {
        case .hello(let hello):
            welcome(hello, routingID: routingID, userID: received.userId, key: received.properties[HubSecurity.keyProperty], at: now, into: &pending)
        case .heartbeat(let heartbeat):
            // A sign of life; not answered (each side sends its own, protocol section 9).
            guard sessions.party(for: routingID) != nil else {
                pending.replies.append((routingID, .now(noSession(heartbeat.sequence))))
                return
            }
            sessions.touch(routingID, at: now)
        case .snapshotRequest:
            guard let partyID = sessions.party(for: routingID) else {
                pending.replies.append((routingID, .now(noSession(0))))
                return
            }
            sessions.touch(routingID, at: now)
            let kind = ledger.roster[partyID]?.kind
            guard kind == .regionalHub || kind == .coordinator else {
                let nack = Nack(sequence: 0, code: .notAuthorized, reason: "only regional hubs and the coordinator may ask for snapshots")
                pending.replies.append((routingID, .now(.nack(nack))))
                return
            }
            ledger.settle(at: now)
            let snapshot = Snapshot(stateSequence: ledger.stateSequence, events: ledger.state.events(), gaps: ledger.tracker.gaps)
            pending.replies.append((routingID, .now(.snapshot(snapshot))))
        case .domain(let domain):
            guard let partyID = sessions.party(for: routingID), let party = ledger.roster[partyID] else {
                pending.items.append(.rejected(RejectedMessage(
                    sender: received.userId, sequence: domain.sequence, type: domain.event.name, code: WireError.Code.noSession.rawValue,
                    reason: "message before HELLO", receivedAt: now, consumesSequence: false)))
                pending.replies.append((routingID, .afterCommit(noSession(domain.sequence))))
                return
            }
            sessions.touch(routingID, at: now)
            switch ledger.receive(domain, body: frames[3], from: party, at: now) {
            case .accepted(let accepted, let ack, let delta):
                pending.acceptedAt[MessageKey(sender: partyID, sequence: domain.sequence)] = pending.items.count
                pending.items.append(.accepted(accepted))
                pending.replies.append((routingID, .afterCommit(.ack(ack))))
                pending.published.append(.delta(delta))
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

    private func welcome(_ hello: Hello, routingID: [UInt8], userID: String?, key: String?, at now: Date, into pending: inout Pending) {
        if let userID, userID != hello.party.rawValue {
            let error = WireError(.identityMismatch, "authenticated as '\(userID)' but HELLO claims '\(hello.party)'")
            pending.items.append(.rejected(RejectedMessage(sender: userID, sequence: nil, type: "HELLO", code: error.code.rawValue, reason: error.message, receivedAt: now, consumesSequence: false)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: 0, error: error)))))
            return
        }
        guard let party = ledger.roster[hello.party], party.kind != .reference else {
            let error = WireError(.unknownParty, "'\(hello.party)' is not on the hub's roster of parties that may connect")
            pending.items.append(.rejected(RejectedMessage(sender: userID ?? hello.party.rawValue, sequence: nil, type: "HELLO", code: error.code.rawValue, reason: error.message, receivedAt: now, consumesSequence: false)))
            pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: 0, error: error)))))
            return
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

    private func answerForDuplicate(sender: PartyID, sequence: UInt64) async -> WireMessage {
        if let refusal = try? await store.rejection(sender: sender.rawValue, sequence: sequence),
            let code = WireError.Code(rawValue: refusal.code)
        {
            return .nack(Nack(sequence: sequence, code: code, reason: refusal.reason))
        }
        return .ack(Ack(sequence: sequence))
    }

    func send(_ message: WireMessage, to routingID: [UInt8]) async {
        sessions.sent(to: routingID, at: Date())
        do {
            try await router.send(Message(WireCodec.encode(message)), to: routingID)
        } catch {
            logger.debug("could not answer a peer: \(error)")
        }
    }

    /// The sequence number in frame 2 of a message that failed to decode, when readable.
    static func headerSequence(_ frames: [[UInt8]]) -> UInt64? {
        guard frames.count > 2, frames[2].count == 8 else { return nil }
        return frames[2].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
