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
    /// Deltas that arrived while a snapshot was awaited, applied after it.
    private var buffered: [Delta] = []

    public init() {}

    /// Loads a snapshot, then the buffered deltas that are newer than it.
    public mutating func load(_ snapshot: Snapshot) {
        var fresh = WorldState()
        for event in snapshot.events { try? fresh.apply(event) }
        state = fresh
        stateSequence = snapshot.stateSequence
        gaps = Dictionary(snapshot.gaps.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        needsSnapshot = false
        let pending = buffered.sorted { $0.stateSequence < $1.stateSequence }
        buffered = []
        for delta in pending where delta.stateSequence > stateSequence { apply(delta) }
    }

    /// Applies a delta in sequence; a missed one makes the replica ask for a new snapshot.
    public mutating func apply(_ delta: Delta) {
        if needsSnapshot {
            buffered.append(delta)
            if buffered.count > 10_000 { buffered.removeFirst(buffered.count - 10_000) }
            return
        }
        guard delta.stateSequence > stateSequence else { return }  // old news
        guard delta.stateSequence == stateSequence + 1 else {
            needsSnapshot = true
            buffered = [delta]
            return
        }
        try? state.apply(delta.event)
        stateSequence = delta.stateSequence
    }

    /// Applies a published gap event.
    public mutating func apply(_ message: GapMessage) {
        switch message.change {
        case .opened, .changed: gaps[message.gap.id] = message.gap
        case .resolved: gaps[message.gap.id] = nil
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
