import BenchSupport
import Foundation
import ZeroMQ

/// Throughput of the ZeroMQ layer (``AsyncSocket``, the path the hub and the nodes use)
/// against raw C loops with the same pattern and message size, over tcp loopback, sender and
/// receiver in one process.
enum TransportBenchmark {
    enum Pattern: String, CaseIterable {
        case pushPull = "pushpull"
        case dealerRouter = "dealerrouter"
    }

    /// A task sends with `await send(_:)`, another iterates `batches` (``AsyncThroughput``).
    static func swiftAsync(_ pattern: Pattern, size: Int, count: Int) async throws -> Double {
        let (receiver, sender): (SocketType, SocketType) = pattern == .pushPull ? (.pull, .push) : (.router, .dealer)
        return try await AsyncThroughput.measure(
            receiver: receiver, sender: sender, size: size, count: count, configuration: AsyncSocket.Configuration()
        ).rate
    }

    /// Interleaved runs of raw C and Swift; prints medians and the ratio.
    static func run(raw: [Pattern: String], runs: Int, scale: Double) async throws -> [String: Double] {
        var ratios: [String: Double] = [:]
        for pattern in Pattern.allCases {
            for (label, size, baseCount) in [("100B", 100, 1_000_000), ("1KB", 1024, 300_000)] {
                let count = max(1000, Int(Double(baseCount) * scale))
                var rawRates: [Double] = []
                var swiftRates: [Double] = []
                // Warm-up (not measured).
                _ = try await swiftAsync(pattern, size: size, count: count / 10)
                for _ in 0..<runs {
                    if let binary = raw[pattern] {
                        rawRates.append(try Bench.runBinary(binary, [String(size), String(count)])[0])
                    }
                    swiftRates.append(try await swiftAsync(pattern, size: size, count: count))
                }
                let name = "zmq.\(pattern.rawValue).\(label)"
                let swift = Bench.median(swiftRates)
                Bench.figure("\(name).swift_async", swift, "msg/s")
                if !rawRates.isEmpty {
                    let rawRate = Bench.median(rawRates)
                    Bench.figure("\(name).raw", rawRate, "msg/s")
                    Bench.figure("\(name).ratio", 100 * swift / rawRate, "%")
                    ratios[name] = swift / rawRate
                }
                Bench.progress("\(name): raw \(rawRates.map { Int($0) }) swift \(swiftRates.map { Int($0) })")
            }
        }
        return ratios
    }
}
