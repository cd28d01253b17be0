import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire

/// The hub's in-memory truth between commits: the shared state, the open gaps, the last
/// sequence number of every sender and the state sequence. A value type with no I/O; the
/// database is the truth it is rebuilt from (at start, and when a commit fails).
struct HubLedger: Sendable {
    /// The shared state and its gaps, kept up to date incrementally.
    private(set) var tracker: GapTracker
    var state: WorldState { tracker.state }
    /// The last sequence number processed (accepted or refused) per sender.
    private(set) var lastSequence: [PartyID: UInt64]
    /// Incremented by every published DELTA and GAP (protocol section 7.3); persisted with
    /// each group commit so it survives restarts.
    private(set) var stateSequence: UInt64
    /// The trusted roster: who may connect and what kind of party each is.
    let roster: [PartyID: Party]

    /// An empty state: the roster's parties enter it as hub-made changes (protocol section
    /// 7.4, ``applyHubMade(_:)``) or, in a database written before those existed, as the base
    /// the stored messages are replayed on (``replayBase(_:)``).
    init(roster: [Party], engine: GapEngine) throws(StateError) {
        self.roster = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        tracker = GapTracker(engine: engine, state: WorldState())
        replayState = nil
        lastSequence = [:]
        stateSequence = 0
    }

    /// The sequence number the hub expects next from `sender`.
    func nextSequence(for sender: PartyID) -> UInt64 { (lastSequence[sender] ?? 0) + 1 }

    /// Decides about one domain message from an authenticated `sender`.
    mutating func receive(_ message: DomainMessage, body: [UInt8], from sender: Party, at time: Date) -> LedgerOutcome {
        let expected = nextSequence(for: sender.id)
        if message.sequence < expected { return .duplicate(sequence: message.sequence) }
        if message.sequence > expected {
            return .outOfOrder(
                nack: Nack(
                    sequence: message.sequence, code: .sequenceGap,
                    reason: "expected sequence \(expected) from '\(sender.id)', got \(message.sequence); resend from \(expected)",
                    expectedSequence: expected))
        }
        lastSequence[sender.id] = message.sequence
        let event = message.event
        if let refusal = refuse(event, from: sender) {
            return reject(message, refusal, from: sender, at: time)
        }
        do {
            try tracker.stage(event)
        } catch {
            return reject(message, located(WireError(error), event), from: sender, at: time)
        }
        staged.append((sender.id, message.sequence))
        stateSequence += 1
        let deltaSequence = stateSequence
        let entities = EntityKey.keys(for: event)
        var snapshot: RevisionSnapshot?
        if case .revisionClosed(let revision) = event {
            // Stored with the message, in the same commit: the state and open gaps at closing.
            settle(at: time)
            snapshot = RevisionSnapshot(revision: state.revisions[revision.id] ?? revision, state: state, gaps: tracker.gaps, at: time)
        }
        let accepted = AcceptedMessage(
            sender: sender.id.rawValue, sequence: message.sequence, type: event.name, body: Data(body),
            receivedAt: time, revision: snapshot)
        return .accepted(
            accepted, ack: Ack(sequence: message.sequence, stateSequence: deltaSequence), stateSequence: deltaSequence,
            entities: entities)
    }

    /// Applies a change the hub makes itself (a roster party, a reference goal; section 7.4)
    /// and numbers its DELTA. Its gap changes come with the next settle, like a message's.
    mutating func applyHubMade(_ event: DomainEvent) throws(StateError) -> UInt64 {
        try tracker.stage(event)
        staged.append((nil, 0))
        stateSequence += 1
        return stateSequence
    }

    /// Numbers GAP messages for gap changes found outside a settle (the gaps recomputed at
    /// start differ from the logged ones, for example after a change of the gap rules).
    mutating func numberGapChanges(_ changes: [(gap: Gap, change: GapChange)], at time: Date) -> [GapMessage] {
        changes.map { change in
            stateSequence += 1
            return GapMessage(stateSequence: stateSequence, change: change.change, at: time, gap: change.gap)
        }
    }

    /// Evaluates the gaps of everything staged since the last settle (each touched subject
    /// once) and numbers the GAP messages after the deltas so far. The hub settles once per
    /// batch, and before it shows the gaps to anyone (a revision, a snapshot).
    mutating func settle(at time: Date) {
        let settlement = tracker.settle()
        for change in settlement.changes {
            stateSequence += 1
            let (sender, sequence) = staged[change.cause]
            settled.append(
                SettledGap(
                    sender: sender, sequence: sequence, gap: change.gap, change: change.change,
                    message: GapMessage(stateSequence: stateSequence, change: change.change, at: time, gap: change.gap)))
        }
        staged.removeAll(keepingCapacity: true)
    }

    /// Settles, then hands over every gap change settled since the last call.
    mutating func takeSettledGaps(at time: Date) -> [SettledGap] {
        settle(at: time)
        defer { settled.removeAll(keepingCapacity: true) }
        return settled
    }

    /// The accepted messages staged in the tracker since the last settle, by position.
    /// A hub-made change has no sender.
    private var staged: [(sender: PartyID?, sequence: UInt64)] = []
    /// Gap changes settled and not yet taken by the hub.
    private var settled: [SettledGap] = []

    /// Uses up `sequence` for a message refused before it reached the ledger (malformed),
    /// when it is the next expected one. Returns whether it did.
    mutating func consume(_ sequence: UInt64, from sender: PartyID) -> Bool {
        guard sequence == nextSequence(for: sender) else { return false }
        lastSequence[sender] = sequence
        return true
    }

    /// Replays a stored message while rebuilding from the database: it was accepted once, so
    /// it applies again; the gaps are recomputed in one pass by ``finishReplay()``.
    mutating func replay(_ event: DomainEvent, sender: PartyID, sequence: UInt64) throws(StateError) {
        try replayHubMade(event)
        lastSequence[sender] = max(lastSequence[sender] ?? 0, sequence)
    }

    /// Replays a hub-made change published before (section 7.4), at its place in the log.
    mutating func replayHubMade(_ event: DomainEvent) throws(StateError) {
        if replayState == nil { replayState = tracker.state }
        try replayState!.apply(event)
    }

    /// The roster as the state a database written before hub-made changes were published
    /// is replayed on (that hub applied the roster at start without publishing it).
    mutating func replayBase(_ parties: [Party]) throws(StateError) {
        for party in parties { try replayHubMade(.partyRegistered(party)) }
    }

    /// Restores the state sequence stored with the last commit.
    mutating func restoreStateSequence(_ value: UInt64) {
        stateSequence = max(stateSequence, value)
    }

    /// Notes sequence numbers used by refused messages (read from the audit on restart).
    mutating func noteSequences(_ sequences: [String: UInt64]) {
        for (sender, sequence) in sequences {
            guard let id = PartyID(sender) else { continue }
            lastSequence[id] = max(lastSequence[id] ?? 0, sequence)
        }
    }

    /// Notes gaps the log has as resolved, so that follow-ups may still name them.
    mutating func noteKnownGaps(_ ids: [String]) {
        tracker.noteKnownGaps(ids)
    }

    /// Recomputes the gaps after a replay; returns the open gaps.
    mutating func finishReplay() -> [Gap] {
        if let replayState {
            tracker = GapTracker(engine: tracker.engine, state: replayState)
            self.replayState = nil
        }
        return tracker.gaps
    }

    /// The state being rebuilt by ``replay(_:sender:sequence:)``; gaps are computed once at the end.
    private var replayState: WorldState?

    /// `error` with the field at fault, where the state's refusal names one: the kind or
    /// level of a `party` registration that would change them (`wrong-party-kind`).
    private func located(_ error: WireError, _ event: DomainEvent) -> WireError {
        guard error.code == .wrongPartyKind, case .partyRegistered(let party) = event,
            let known = state.parties[party.id]
        else { return error }
        var located = error
        located.frame = 3
        located.path = known.kind != party.kind ? "body.kind" : "body.level"
        return located
    }

    private func refuse(_ event: DomainEvent, from sender: Party) -> WireError? {
        if let refusal = Authorization.check(event, from: sender, in: state) {
            return WireError(.notAuthorized, refusal.message)
        }
        return nil
    }

    private func reject(_ message: DomainMessage, _ error: WireError, from sender: Party, at time: Date) -> LedgerOutcome {
        let rejected = RejectedMessage(
            sender: sender.id.rawValue, sequence: message.sequence, type: message.event.name,
            code: error.code.rawValue, reason: error.message, receivedAt: time, frame: error.frame, path: error.path)
        return .rejected(rejected, nack: Nack(sequence: message.sequence, error: error))
    }
}
