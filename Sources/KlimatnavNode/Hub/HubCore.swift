import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

/// The hub's decisions about received messages, with no actor, no socket, no database and no
/// clock: sessions (HELLO/WELCOME, one per party), strict decoding, sequence numbers,
/// authorization, the shared state and its gaps (``HubLedger``), and the batch to commit with
/// the answers it waits for. The ``Hub`` actor feeds it what the ROUTER socket read and the
/// time, and hands the resulting ``HubBatch`` to the committer; tested directly in
/// `HubCoreTests`.
struct HubCore: Sendable {
    var ledger: HubLedger
    var sessions = SessionTable()
    /// The party kinds that may ask for a SNAPSHOT.
    let snapshotKinds: Set<PartyKind>
    let heartbeatIntervalMs: Int
    let heartbeatLiveness: Int
    /// True when connections authenticate with CURVE (every message then carries a User-Id).
    let secured: Bool

    /// `secured` overrides whether ``HubOptions/security`` is set (for tests of the key checks).
    init(ledger: HubLedger, options: HubOptions, secured: Bool? = nil) {
        self.ledger = ledger
        snapshotKinds = options.snapshotKinds
        heartbeatIntervalMs = options.heartbeatIntervalMs
        heartbeatLiveness = options.heartbeatLiveness
        self.secured = secured ?? (options.security != nil)
    }

    /// Decides about one batch of received messages (ROUTER frames: routing id first) at
    /// `now`: each message is answered now, answered after the commit, or stored; gap
    /// detection runs once for the whole batch; each changed entity is read once, as the
    /// batch left it. `keyIsCurrent(key, party)` says whether a CURVE key is still authorized
    /// for the party (asked only when ``secured``).
    mutating func decide(
        _ batch: [ReceivedMessage], now: Date, keyIsCurrent: (String?, String) -> Bool = { _, _ in true }
    ) -> HubBatch {
        var pending = HubBatch()
        for received in batch {
            handle(received, at: now, keyIsCurrent: keyIsCurrent, into: &pending)
        }
        pending.attach(ledger.takeSettledGaps(at: now))
        pending.readEntities(from: ledger.state)
        pending.stateSequence = ledger.stateSequence
        return pending
    }

    private mutating func handle(
        _ received: ReceivedMessage, at now: Date, keyIsCurrent: (String?, String) -> Bool, into pending: inout HubBatch
    ) {
        guard let routingID = received.frames.first, received.frames.count > 1 else { return }
        let frames = Array(received.frames.dropFirst())
        guard checkConnection(received, routingID: routingID, frames: frames, at: now, keyIsCurrent: keyIsCurrent, into: &pending)
        else { return }
        let message: WireMessage
        do {
            message = try WireCodec.decode(frames: frames)
        } catch {
            let sequence = WireCodec.sequence(inHeader: frames)
            let sender = sessions.party(for: routingID)
            pending.note(.debug, "refused a malformed message from \(sender?.rawValue ?? "an unknown peer"): \(error)")
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
            guard let kind = ledger.roster[partyID]?.kind, snapshotKinds.contains(kind) else {
                let kinds = snapshotKinds.map(\.rawValue).sorted().joined(separator: ", ")
                let nack = Nack(
                    sequence: 0, code: .notAuthorized, reason: "only parties of kind \(kinds) may ask for snapshots on this hub")
                pending.replies.append((routingID, .now(.nack(nack))))
                return
            }
            if request.knownStateSequence > ledger.stateSequence {
                // The requester holds a state from another history (a hub restored from an
                // older database): the SNAPSHOT replaces it (section 8).
                pending.note(
                    .notice,
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
                pending.note(
                    .info, "refused \(rejected.type ?? "?") #\(nack.sequence) from \(partyID): \(nack.code.rawValue): \(nack.reason)")
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

    private mutating func welcome(
        _ hello: Hello, routingID: [UInt8], userID: String?, key: String?, at now: Date, into pending: inout HubBatch
    ) {
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
            pending.note(.notice, "'\(party.id)' said HELLO on a new connection; its earlier connection's session is closed")
        }
        sessions.open(routingID, party: party.id, at: now, key: key)
        let welcome = Welcome(
            nextSequence: ledger.nextSequence(for: party.id), heartbeatIntervalMs: heartbeatIntervalMs,
            heartbeatLiveness: heartbeatLiveness)
        pending.replies.append((routingID, .now(.welcome(welcome))))
    }

    private func noSession(_ sequence: UInt64) -> WireMessage {
        .nack(Nack(sequence: sequence, code: .noSession, reason: "send HELLO first"))
    }

    /// Under CURVE, checks the connection a message came on: its key must still be
    /// authorized for its User-Id. Returns the refusal to send (and audit) otherwise.
    /// A session under this routing id that belongs to another identity is dropped (the
    /// routing id is chosen by the peer, so it proves nothing).
    private mutating func checkConnection(
        _ received: ReceivedMessage, routingID: [UInt8], frames: [[UInt8]], at now: Date, keyIsCurrent: (String?, String) -> Bool,
        into pending: inout HubBatch
    ) -> Bool {
        guard secured else { return true }
        guard let userID = received.userId else {
            // Cannot happen with CURVE and ZAP; refuse rather than guess.
            pending.replies.append((routingID, .now(.nack(Nack(sequence: 0, code: .notAuthorized, reason: "not authenticated")))))
            return false
        }
        if let party = sessions.party(for: routingID), party.rawValue != userID {
            sessions.close(routingID)
        }
        if keyIsCurrent(received.properties[HubSecurity.keyProperty], userID) { return true }
        sessions.close(routingID)
        let sequence = WireCodec.sequence(inHeader: frames) ?? 0
        let error = WireError(
            .notAuthorized, "key revoked: the key this connection authenticated with is no longer authorized for '\(userID)'")
        pending.items.append(
            .rejected(
                RejectedMessage(
                    sender: userID, sequence: sequence,
                    type: frames.count > 1 ? String(decoding: frames[1].prefix(32), as: UTF8.self) : nil,
                    code: error.code.rawValue, reason: error.message, receivedAt: now, consumesSequence: false)))
        pending.replies.append((routingID, .afterCommit(.nack(Nack(sequence: sequence, error: error)))))
        return false
    }

}
