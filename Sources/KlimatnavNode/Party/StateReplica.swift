import KlimatnavCore
import KlimatnavWire

/// A node's copy of the hub's shared state, kept by snapshot + sequenced deltas (the ZeroMQ
/// Clone pattern). Pure: the feed that owns it does the I/O.
public struct StateReplica: Sendable {
    public private(set) var state = WorldState()
    /// The state sequence of the last delta applied (or of the snapshot).
    public private(set) var stateSequence: UInt64 = 0
    /// The hub's open gaps as last published.
    public private(set) var gaps: [String: Gap] = [:]
    /// True until a snapshot is loaded, and again whenever a delta was missed.
    public private(set) var needsSnapshot = true
    /// Publications that arrived while a snapshot was awaited, applied after it.
    private var buffered: [Publication] = []

    /// A published change: a DELTA or a GAP, both numbered by the state sequence.
    enum Publication: Sendable {
        case delta(Delta)
        case gap(GapMessage)

        var stateSequence: UInt64 {
            switch self {
            case .delta(let delta): delta.stateSequence
            case .gap(let gap): gap.stateSequence
            }
        }
    }

    public init() {}

    /// Loads a snapshot, then the buffered publications that are newer than it.
    public mutating func load(_ snapshot: Snapshot) {
        var fresh = WorldState()
        for event in snapshot.events { try? fresh.apply(event) }
        state = fresh
        stateSequence = snapshot.stateSequence
        gaps = Dictionary(snapshot.gaps.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        needsSnapshot = false
        let pending = buffered.sorted { $0.stateSequence < $1.stateSequence }
        buffered = []
        for publication in pending where publication.stateSequence > stateSequence { receive(publication) }
    }

    /// Applies a DELTA in sequence; a missed publication makes the replica ask for a snapshot.
    public mutating func apply(_ delta: Delta) { receive(.delta(delta)) }

    /// Applies a GAP event in sequence (it shares the DELTAs' numbering).
    public mutating func apply(_ message: GapMessage) { receive(.gap(message)) }

    /// A PUB HEARTBEAT: a state sequence above the last applied means the tail of a burst was
    /// missed (protocol section 8, step 5).
    public mutating func heartbeat(stateSequence published: UInt64) {
        if !needsSnapshot, published > stateSequence { needsSnapshot = true }
    }

    private mutating func receive(_ publication: Publication) {
        if needsSnapshot {
            buffered.append(publication)
            if buffered.count > 10_000 { buffered.removeFirst(buffered.count - 10_000) }
            return
        }
        guard publication.stateSequence > stateSequence else { return }  // old news
        guard publication.stateSequence == stateSequence + 1 else {
            needsSnapshot = true
            buffered = [publication]
            return
        }
        stateSequence = publication.stateSequence
        switch publication {
        case .delta(let delta):
            try? state.apply(delta.event)
        case .gap(let message):
            switch message.change {
            case .opened, .changed: gaps[message.gap.id] = message.gap
            case .resolved: gaps[message.gap.id] = nil
            }
        }
    }

    /// Goals of the members of `hub` (its own region's commitments).
    public func memberGoals(of hub: PartyID) -> [Goal] {
        state.members(of: hub).flatMap { state.goals(of: $0) }
    }

    /// Roadmaps at a level above `level`.
    public func roadmaps(above level: Level) -> [Roadmap] {
        state.roadmaps.values.filter { $0.level.rank > level.rank }.sorted { $0.id < $1.id }
    }
}
