// klimatnav-bench: performance figures against raw baselines, and the targets.
//
// Usage: klimatnav-bench [--raw-pushpull P] [--raw-dealerrouter P] [--raw-sqlite P]
//                        [--klimatnav P] [--runs N] [--scales 1,4,16] [--only SECTION,...]
//                        [--nodes-in-process] [--saturation-per-link N]
//   sections: transport, gaps, durable, memory, run
// The durable benchmark runs its node links in a child process of this binary
// (`--nodes-child`, internal); `--nodes-in-process` runs them in the hub's process.
// Output: one `name: value unit` line per figure on stdout, then one
// `target NAME: measured X, needs Y, ok|short` line per target; progress on stderr.
// Run it through scripts/bench.sh, which builds everything and compiles the C baselines.
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavStore

// The same malloc arena cap as the `klimatnav` processes, so the in-process hub is measured
// as it runs there.
MallocArenas.limit(2)

if CommandLine.arguments.dropFirst().first == "--nodes-child" {
    try await DurableBenchmark.runNodesChild(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

var rawPushPull: String?
var nodesInProcess = false
var rawDealerRouter: String?
var rawSQLite: String?
var klimatnavBinary: String?
var runs = 5
var scales = [1, 4, 16]
var only: Set<String>?
var transportScale = 1.0
var memoryMessages = 8000
var saturationPerLink = 8000
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--raw-pushpull": rawPushPull = arguments.next()
    case "--raw-dealerrouter": rawDealerRouter = arguments.next()
    case "--raw-sqlite": rawSQLite = arguments.next()
    case "--klimatnav": klimatnavBinary = arguments.next()
    case "--runs": runs = Int(arguments.next() ?? "") ?? runs
    case "--transport-scale": transportScale = Double(arguments.next() ?? "") ?? transportScale
    case "--memory-messages": memoryMessages = Int(arguments.next() ?? "") ?? memoryMessages
    case "--saturation-per-link": saturationPerLink = Int(arguments.next() ?? "") ?? saturationPerLink
    case "--scales": scales = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--nodes-in-process": nodesInProcess = true
    case "--only": only = Set((arguments.next() ?? "").split(separator: ",").map(String.init))
    default:
        Bench.progress("unknown argument \(argument)")
        exit(2)
    }
}
@MainActor func enabled(_ section: String) -> Bool { only?.contains(section) ?? true }

struct Target {
    var name: String
    var measured: String
    var needs: String
    var ok: Bool
}
var targets: [Target] = []
func pct(_ value: Double) -> String { String(format: "%.0f %%", value * 100) }

Bench.progress(
    "cpus: \(ProcessInfo.processInfo.activeProcessorCount), load: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")"
)

// MARK: Transport
if enabled("transport") {
    var raw: [TransportBenchmark.Pattern: String] = [:]
    raw[.pushPull] = rawPushPull
    raw[.dealerRouter] = rawDealerRouter
    let ratios = try await TransportBenchmark.run(raw: raw, runs: runs, scale: transportScale)
    for (name, ratio) in ratios.sorted(by: { $0.key < $1.key }) {
        targets.append(Target(name: "\(name).over_raw", measured: pct(ratio), needs: ">= 80 %", ok: ratio >= 0.8))
    }
}

// MARK: Gap analysis
if enabled("gaps") {
    for scale in scales {
        let result = try GapBenchmark.run(scale: scale, runs: runs)
        let name = "gaps.x\(scale)"
        Bench.figure("\(name).gaps", Double(result.gaps), "gaps")
        Bench.figure("\(name).full_recompute", result.fullMs, "ms", decimals: 2)
        Bench.figure("\(name).incremental_per_message_p50", result.incrementalUs, "us", decimals: 1)
        Bench.figure("\(name).incremental_per_message_p99", result.incrementalP99Us, "us", decimals: 1)
        Bench.figure("\(name).incremental_per_message_mean", result.incrementalMeanUs, "us", decimals: 1)
        // Work per message against a full recompute: mean incremental time over full time.
        let ratio = result.incrementalMeanUs / 1000 / result.fullMs
        Bench.figure("\(name).incremental_over_full", ratio * 100, "%", decimals: 3)
        Bench.figure("\(name).subjects_per_message_share", result.subjectShare * 100, "%", decimals: 3)
        if scale == 1 {
            targets.append(
                Target(
                    name: "gaps.x1.full_recompute", measured: String(format: "%.1f ms", result.fullMs), needs: "< 50 ms",
                    ok: result.fullMs < 50))
            targets.append(
                Target(
                    name: "gaps.x1.incremental_over_full", measured: String(format: "%.3f %%", ratio * 100), needs: "<= 1 %",
                    ok: ratio <= 0.01))
        }
    }
}

// MARK: Hub stages (per-message CPU, one thread)
if enabled("stages") {
    for scale in scales {
        for (stage, us) in try await HubStagesBenchmark.run(scale: scale, messages: 4000, batch: 857) {
            Bench.figure("stages.x\(scale).\(stage)", us, "us/msg", decimals: 1)
        }
    }
}

// MARK: Durable messages
let links = 8
/// This binary, to run the durable benchmark's links in a child process.
let nodesBinary: String? = nodesInProcess ? nil : URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
func seededDatabase(_ playbook: Playbook, scale: Int, durability: HubStore.Durability) async throws -> String {
    let path = NSTemporaryDirectory() + "klimatnav-bench-seed-x\(scale)-\(getpid()).db"
    let started = now()
    try await DurableBenchmark.seed(playbook, path: path, durability: durability)
    Bench.progress("seeded x\(scale): \(playbook.schedule().count) facts in \(String(format: "%.1f", now() - started)) s")
    return path
}
func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

if enabled("durable") {
    for scale in scales {
        let playbook = SyntheticPlaybook.generate(seed: 2021, scale: scale)
        let seeded = try await seededDatabase(playbook, scale: scale, durability: .full)
        defer { removeDatabase(seeded) }
        let repeats = scale == 1 ? max(1, min(runs, 3)) : 1
        for durability in [HubStore.Durability.full, .normal] {
            let name = "durable.x\(scale).\(durability.rawValue)"
            // Fixed offered load, well below saturation: latency.
            if scale == 1 {
                var fixed: [DurableBenchmark.Result] = []
                for _ in 0..<repeats {
                    fixed.append(
                        try await DurableBenchmark.run(
                            playbook: playbook, scale: scale, seededPath: seeded, durability: durability, links: links, perLink: 250,
                            offered: 1000, nodesBinary: nodesBinary))
                }
                Bench.figure("\(name).offered_1000.rate", Bench.median(fixed.map(\.rate)), "msg/s")
                Bench.figure("\(name).offered_1000.ack_p50", Bench.median(fixed.map(\.p50Ms)), "ms", decimals: 2)
                Bench.figure("\(name).offered_1000.ack_p99", Bench.median(fixed.map(\.p99Ms)), "ms", decimals: 2)
            }
            // Saturation, with the raw SQLite loop at the same row size, batch size and
            // synchronous setting interleaved.
            var saturated: [DurableBenchmark.Result] = []
            var raw: [Double] = []
            for _ in 0..<repeats {
                let result = try await DurableBenchmark.run(
                    playbook: playbook, scale: scale, seededPath: seeded, durability: durability, links: links, perLink: saturationPerLink,
                    offered: nil, nodesBinary: nodesBinary)
                saturated.append(result)
                Bench.progress(
                    String(
                        format: "%@ saturation: %.0f msg/s, hub %.1f us/msg, nodes %.1f us/msg, %.0f msg/commit, p50 %.1f ms",
                        name, result.rate, result.hubCPUMicroseconds, result.nodesCPUMicroseconds, result.meanBatch, result.p50Ms))
                if let rawSQLite {
                    let batch = max(1, Int(result.meanBatch.rounded()))
                    raw.append(
                        try Bench.runBinary(
                            rawSQLite,
                            [
                                NSTemporaryDirectory() + "klimatnav-bench-raw-\(getpid()).db", String(Int(result.meanBodyBytes)),
                                String(batch), String(max(2000, result.messages)), durability.rawValue.uppercased(),
                            ])[0])
                }
            }
            let rate = Bench.median(saturated.map(\.rate))
            Bench.figure("\(name).saturation.rate", rate, "msg/s")
            Bench.figure("\(name).saturation.ack_p50", Bench.median(saturated.map(\.p50Ms)), "ms", decimals: 2)
            Bench.figure("\(name).saturation.ack_p99", Bench.median(saturated.map(\.p99Ms)), "ms", decimals: 2)
            Bench.figure("\(name).saturation.mean_batch", Bench.median(saturated.map(\.meanBatch)), "msg/commit", decimals: 1)
            Bench.figure("\(name).saturation.body_bytes", Bench.median(saturated.map(\.meanBodyBytes)), "B")
            Bench.figure("\(name).saturation.hub_cpu", Bench.median(saturated.map(\.hubCPUMicroseconds)), "us/msg", decimals: 1)
            Bench.figure("\(name).saturation.nodes_cpu", Bench.median(saturated.map(\.nodesCPUMicroseconds)), "us/msg", decimals: 1)
            if !raw.isEmpty {
                let rawRate = Bench.median(raw)
                Bench.figure("\(name).raw_sqlite_same_batch.rate", rawRate, "rows/s")
                Bench.figure("\(name).over_raw", 100 * rate / rawRate, "%")
                if scale == 1 {
                    targets.append(
                        Target(
                            name: "\(name).acked_over_raw_sqlite", measured: pct(rate / rawRate), needs: ">= 30 %",
                            ok: rate / rawRate >= 0.3))
                }
            }
        }
    }
}

// MARK: Hub peak memory (separate process)
if enabled("memory"), let klimatnavBinary {
    for scale in scales {
        let playbook = SyntheticPlaybook.generate(seed: 2021, scale: scale)
        let seeded = try await seededDatabase(playbook, scale: scale, durability: .full)
        defer { removeDatabase(seeded) }
        // At a steady 1000 msg/s, then flooded (8 links with up to 1024 unanswered messages
        // each): each in a fresh hub process.
        let steady = try await HubMemoryBenchmark.run(
            klimatnav: klimatnavBinary, playbook: playbook, seededPath: seeded, durability: .full, messages: 2000, offered: 1000)
        let flood = try await HubMemoryBenchmark.run(
            klimatnav: klimatnavBinary, playbook: playbook, seededPath: seeded, durability: .full, messages: memoryMessages, offered: nil)
        Bench.figure("hub.x\(scale).peak_memory.offered_1000", steady, "MB", decimals: 1)
        Bench.figure("hub.x\(scale).peak_memory.flood", flood, "MB", decimals: 1)
        if scale == 1 {
            targets.append(
                Target(
                    name: "hub.x1.peak_memory.offered_1000", measured: String(format: "%.1f MB", steady), needs: "< 64 MB", ok: steady < 64)
            )
            targets.append(
                Target(name: "hub.x1.peak_memory.flood", measured: String(format: "%.1f MB", flood), needs: "< 64 MB", ok: flood < 64))
        }
    }
}

// MARK: The main job
if enabled("run"), let klimatnavBinary {
    let wall = try RunBenchmark.run(klimatnav: klimatnavBinary, runs: max(5, runs))
    Bench.figure("run.seed.wall_p50", wall.median, "s", decimals: 3)
    Bench.figure("run.seed.wall_min", wall.min, "s", decimals: 3)
    Bench.figure("run.seed.wall_max", wall.max, "s", decimals: 3)
    targets.append(Target(name: "run.seed.wall", measured: String(format: "%.2f s", wall.median), needs: "< 1 s", ok: wall.median < 1))
    // All of Sweden: 290 municipalities, 21 counties, 3,770 inventories (13 years x 9 sectors).
    let sweden = try RunBenchmark.run(klimatnav: klimatnavBinary, runs: max(5, runs), playbook: "sverige")
    Bench.figure("run.sverige.wall_p50", sweden.median, "s", decimals: 3)
    Bench.figure("run.sverige.wall_min", sweden.min, "s", decimals: 3)
    Bench.figure("run.sverige.wall_max", sweden.max, "s", decimals: 3)
    targets.append(
        Target(name: "run.sverige.wall", measured: String(format: "%.2f s", sweden.median), needs: "< 2 s", ok: sweden.median < 2))
}

for target in targets {
    print("target \(target.name): measured \(target.measured), needs \(target.needs), \(target.ok ? "ok" : "short")")
}
