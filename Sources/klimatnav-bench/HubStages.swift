import BenchSupport
import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import KlimatnavWire

/// The hub's per-message work stage by stage, on one thread, with no sockets: decoding a
/// goal assertion, applying it with gap detection (per message, and staged with one settle
/// per batch as the hub does), deriving its entity changes, encoding the ACK, encoding the
/// DELTA (and forwarding the body, as the hub does), and storing it in group commits with
/// one entity row per changed entity and batch, as the hub writes them. Shows where a
/// durable message's CPU time goes; the durable benchmark measures the whole path.
enum HubStagesBenchmark {
    static func run(scale: Int, messages: Int, batch: Int) async throws -> [(String, Double)] {
        let playbook = SyntheticPlaybook.generate(seed: 2021, scale: scale)
        let state = try playbook.initialState()
        let engine = GapEngine(playbook: .standard)
        let municipalities = Set(playbook.parties.filter { $0.kind == .municipality }.map(\.id))
        let goals = playbook.goals.filter { $0.interimOf == nil && municipalities.contains($0.party) }
        let frames: [[[UInt8]]] = try (0..<messages).map { i in
            var goal = goals[i % min(goals.count, 40)]
            goal.targetYear = 2030 + (i % 21)
            return try WireCodec.encode(.domain(DomainMessage(sequence: UInt64(i + 1), event: .goalAsserted(goal))))
        }
        var results: [(String, Double)] = []
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            let start = now()
            try body()
            results.append((name, (now() - start) * 1e6 / Double(messages)))
        }
        var decoded: [DomainMessage] = []
        try time("decode") {
            for f in frames {
                guard case .domain(let m) = try WireCodec.decode(frames: f) else { throw BenchError("not domain") }
                decoded.append(m)
            }
        }
        var tracker = GapTracker(engine: engine, state: state)
        try time("gap_tracker_apply") {
            for m in decoded { _ = try tracker.applyReturningResolved(m.event) }
        }
        var batched = GapTracker(engine: engine, state: state)
        try time("gap_tracker_batch\(batch)") {
            for (i, m) in decoded.enumerated() {
                try batched.stage(m.event)
                if (i + 1) % batch == 0 { _ = batched.settle() }
            }
            _ = batched.settle()
        }
        guard batched.gapsByID == tracker.gapsByID else { throw BenchError("batched gaps differ from per-message gaps") }
        // As the hub does it: the entities each message changed are noted, and each changed
        // entity is read from the state and encoded once per batch, with the last message.
        var entities: [[EntityChange]] = Array(repeating: [], count: decoded.count)
        try time("entity_changes") {
            var first = 0
            while first < decoded.count {
                let end = min(decoded.count, first + batch)
                var last: [EntityKey: (item: Int, key: EntityKey)] = [:]
                for i in first..<end {
                    for key in EntityKey.keys(for: decoded[i].event) { last[key] = (i, key) }
                }
                for (item, key) in last.values { entities[item].append(try key.row(in: tracker.state).change()) }
                first = end
            }
        }
        try time("encode_ack") {
            for m in decoded { _ = try WireCodec.encode(.ack(Ack(sequence: m.sequence, stateSequence: m.sequence))) }
        }
        try time("encode_delta") {
            for m in decoded { _ = try WireCodec.encode(.delta(Delta(stateSequence: m.sequence, by: m.event.goalParty!, event: m.event))) }
        }
        try time("forward_delta") {
            for (i, m) in decoded.enumerated() {
                _ = try WireCodec.encodeDelta(stateSequence: m.sequence, by: m.event.goalParty!, event: m.event.name, body: frames[i][3])
            }
        }
        let at = Date()
        let items: [BatchItem] = decoded.enumerated().map { i, m in
            .accepted(
                AcceptedMessage(
                    sender: "sender", sequence: m.sequence, type: m.event.name, body: Data(frames[i][3]), receivedAt: at,
                    entities: entities[i], gapChanges: []))
        }
        // FULL is what the hub runs; NORMAL leaves out the fsync per commit. The process's CPU
        // time during the commits (the writer's work; the caller only waits) shows the commit's
        // own cost apart from the disk's sync latency and a busy machine's scheduling.
        for durability in [HubStore.Durability.full, .normal] {
            let (wall, cpu) = try await commitAll(items, batch: batch, durability: durability, parties: playbook.parties)
            results.append(("store_commit_\(durability.rawValue)", wall * 1e6 / Double(messages)))
            results.append(("store_commit_\(durability.rawValue)_cpu", cpu * 1e6 / Double(messages)))
        }
        return results
    }

    /// Seconds (wall clock, and the process's CPU time) to store `items` in group commits of
    /// `batch` into a fresh store.
    private static func commitAll(
        _ items: [BatchItem], batch: Int, durability: HubStore.Durability, parties: [Party]
    ) async throws -> (wall: Double, cpu: Double) {
        let path = NSTemporaryDirectory() + "klimatnav-stages-\(getpid())-\(durability.rawValue).db"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try HubStore(path: path, durability: durability)
        try await store.register(parties: parties)
        let start = now()
        let startCPU = CPUTime.seconds(children: false)
        var offset = 0
        while offset < items.count {
            _ = try await store.commit(Array(items[offset..<min(items.count, offset + batch)]), stateSequence: UInt64(offset))
            offset += batch
        }
        return (now() - start, CPUTime.seconds(children: false) - startCPU)
    }
}

extension DomainEvent {
    fileprivate var goalParty: PartyID? {
        if case .goalAsserted(let goal) = self { return goal.party }
        return nil
    }
}
