// zmq-bench: throughput of the ZeroMQ Swift layer against a raw C loop.
//
// Usage: zmq-bench [--raw PATH] [--runs N] [--scale F]
//   --raw PATH  the compiled scripts/bench/raw_pushpull.c (skipped when absent)
//   --raw-roundtrip PATH  the compiled scripts/bench/raw_roundtrip.c (skipped when absent)
//   --raw-dealerrouter PATH  the compiled scripts/bench/raw_dealerrouter.c (skipped when absent)
//   --runs N    repetitions per measurement, medians reported (default 5)
//   --scale F   multiply message counts (default 1: 1,000,000 x 100 B, 300,000 x 1 KB)
//   --batch N, --send-buffer N, --receive-buffer N  AsyncSocket.Configuration for swift_async
//   --only V    run one part: raw, swift_async, swift_sync (PUSH/PULL), dealerrouter
//               (DEALER -> ROUTER throughput, 100 B), dealerrouter_swift (its Swift side
//               only, for profiling) or roundtrip
// Output: one `name: value unit` line per figure on stdout; progress on stderr.
import BenchSupport
import Foundation
import ZeroMQ

var rawBinary: String?
var rawRoundTripBinary: String?
var rawDealerRouterBinary: String?
var runs = 5
var scale = 1.0
var only: String?
var configuration = AsyncSocket.Configuration()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--raw": rawBinary = arguments.next()
    case "--raw-roundtrip": rawRoundTripBinary = arguments.next()
    case "--raw-dealerrouter": rawDealerRouterBinary = arguments.next()
    case "--runs": runs = Int(arguments.next() ?? "") ?? runs
    case "--scale": scale = Double(arguments.next() ?? "") ?? scale
    case "--only": only = arguments.next()
    case "--batch": configuration.maxBatchSize = Int(arguments.next() ?? "") ?? configuration.maxBatchSize
    case "--send-buffer": configuration.sendBufferLimit = Int(arguments.next() ?? "") ?? configuration.sendBufferLimit
    case "--receive-buffer": configuration.receiveBufferLimit = Int(arguments.next() ?? "") ?? configuration.receiveBufferLimit
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func progress(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let v = ZeroMQ.version
print("zmq.libzmq_version: \(v.major).\(v.minor).\(v.patch)")
let pushPullParts: Set<String?> = [nil, "raw", "swift_async", "swift_sync"]
for (label, size, baseCount) in [("100B", 100, 1_000_000), ("1KB", 1024, 300_000)] where pushPullParts.contains(only) {
    let count = max(1000, Int(Double(baseCount) * scale))
    var results: [String: [Double]] = [:]
    // Interleave the variants so drift in machine load hits them alike.
    for run in 1...runs {
        if let rawBinary, only == nil || only == "raw" {
            let (rate, cpu) = try await CPUTime.measure(items: count, children: true) {
                try PushPullBenchmarks.raw(binary: rawBinary, size: size, count: count)
            }
            results["raw", default: []].append(rate)
            results["raw_cpu", default: []].append(cpu)
        }
        if only == nil || only == "swift_async" {
            let ((rate, meanBatch), cpu) = try await CPUTime.measure(items: count) {
                try await AsyncThroughput.measure(receiver: .pull, sender: .push, size: size, count: count, configuration: configuration)
            }
            results["swift_async", default: []].append(rate)
            results["swift_async_batch", default: []].append(meanBatch)
            results["swift_async_cpu", default: []].append(cpu)
        }
        if only == nil || only == "swift_sync" {
            let (rate, cpu) = try await CPUTime.measure(items: count) {
                try await PushPullBenchmarks.swiftSync(size: size, count: count)
            }
            results["swift_sync", default: []].append(rate)
            results["swift_sync_cpu", default: []].append(cpu)
        }
        progress(
            "run \(run) \(label): " + results.sorted { $0.key < $1.key }.map { "\($0.key)=\(Int($0.value.last!))" }.joined(separator: " "))
    }
    let name = "zmq.pushpull.\(label)"
    let medians = results.mapValues(median)
    for key in ["raw", "swift_async", "swift_sync"] {
        if let value = medians[key] { print("\(name).\(key): \(Int(value)) msg/s") }
    }
    for key in ["raw", "swift_async", "swift_sync"] {
        if let value = medians[key + "_cpu"] { print("\(name).\(key).cpu: \(Int(value)) ns/msg") }
    }
    if let meanBatch = medians["swift_async_batch"] {
        print("\(name).swift_async_mean_batch: \(Int(meanBatch)) msg")
    }
    if let raw = medians["raw"], let async = medians["swift_async"], let sync = medians["swift_sync"] {
        print("\(name).ratio: " + String(format: "%.2f", async / raw))
        print("\(name).ratio_sync: " + String(format: "%.2f", sync / raw))
    }
    if let raw = medians["raw_cpu"], let async = medians["swift_async_cpu"] {
        print("\(name).cpu_ratio: " + String(format: "%.2f", raw / async) + " (raw CPU time / Swift async CPU time per message)")
    }
}

// DEALER -> ROUTER throughput, 100 B, as klimatnav-bench measures it (issue 6's target).
if only == nil || only == "dealerrouter" || only == "dealerrouter_swift" {
    let count = max(1000, Int(1_000_000 * scale))
    var results: [String: [Double]] = [:]
    // Warm-up (not measured), as klimatnav-bench does.
    _ = try await AsyncThroughput.measure(receiver: .router, sender: .dealer, size: 100, count: count / 10, configuration: configuration)
    for run in 1...runs {
        if let rawDealerRouterBinary, only != "dealerrouter_swift" {
            let (rate, cpu) = try await CPUTime.measure(items: count, children: true) {
                try PushPullBenchmarks.raw(binary: rawDealerRouterBinary, size: 100, count: count)
            }
            results["raw", default: []].append(rate)
            results["raw_cpu", default: []].append(cpu)
        }
        let ((rate, meanBatch), cpu) = try await CPUTime.measure(items: count) {
            try await AsyncThroughput.measure(receiver: .router, sender: .dealer, size: 100, count: count, configuration: configuration)
        }
        results["swift_async", default: []].append(rate)
        results["swift_async_batch", default: []].append(meanBatch)
        results["swift_async_cpu", default: []].append(cpu)
        progress(
            "run \(run) dealerrouter 100B: "
                + results.sorted { $0.key < $1.key }.map { "\($0.key)=\(Int($0.value.last!))" }.joined(separator: " "))
    }
    let medians = results.mapValues(median)
    for key in ["raw", "swift_async"] {
        if let value = medians[key] { print("zmq.dealerrouter.100B.\(key): \(Int(value)) msg/s") }
    }
    for key in ["raw", "swift_async"] {
        if let value = medians[key + "_cpu"] { print("zmq.dealerrouter.100B.\(key).cpu: \(Int(value)) ns/msg") }
    }
    if let meanBatch = medians["swift_async_batch"] { print("zmq.dealerrouter.100B.swift_async_mean_batch: \(Int(meanBatch)) msg") }
    if let raw = medians["raw"], let async = medians["swift_async"] {
        print("zmq.dealerrouter.100B.ratio: " + String(format: "%.2f", async / raw))
    }
}

// DEALER/ROUTER round trips, 100 B, one in flight.
if only == nil || only == "roundtrip" {
    let count = max(1000, Int(20_000 * scale))
    var medians: [String: [Double]] = [:]
    var p99s: [String: [Double]] = [:]
    for run in 1...runs {
        if let rawRoundTripBinary {
            let latency = try RoundTripBenchmarks.raw(binary: rawRoundTripBinary, size: 100, count: count)
            medians["raw", default: []].append(latency.median)
            p99s["raw", default: []].append(latency.p99)
        }
        let latency = try await RoundTripBenchmarks.swiftAsync(size: 100, count: count)
        medians["swift_async", default: []].append(latency.median)
        p99s["swift_async", default: []].append(latency.p99)
        progress(
            "run \(run) roundtrip: "
                + medians.sorted { $0.key < $1.key }.map { "\($0.key)=" + String(format: "%.1f", $0.value.last!) + " us" }.joined(
                    separator: " "))
    }
    for key in ["raw", "swift_async"] {
        guard let values = medians[key], let tails = p99s[key] else { continue }
        print("zmq.dealer_router.roundtrip.100B.\(key).median: " + String(format: "%.1f", median(values)) + " us")
        print("zmq.dealer_router.roundtrip.100B.\(key).p99: " + String(format: "%.1f", median(tails)) + " us")
    }
}
