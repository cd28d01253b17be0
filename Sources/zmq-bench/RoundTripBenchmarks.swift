import BenchSupport
import Foundation
import ZeroMQ

/// DEALER -> ROUTER -> DEALER round-trip latency over tcp loopback, one request in flight.
enum RoundTripBenchmarks {
    /// Latency quantiles in microseconds.
    struct Latency {
        var median: Double
        var p99: Double

        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            median = sorted[sorted.count / 2]
            p99 = sorted[sorted.count * 99 / 100]
        }
    }

    /// Through ``AsyncSocket`` on both sides: an echo task on the ROUTER, the client awaiting
    /// each reply from `batches`. Every round trip crosses four thread hand-offs.
    static func swiftAsync(size: Int, count: Int) async throws -> Latency {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let router = try AsyncSocket(context, type: .router, configuration: .init(threadName: "router-io")) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let dealer = try AsyncSocket(context, type: .dealer, configuration: .init(threadName: "dealer-io")) { socket in
            try socket.set(.linger, 0)
            try socket.connect(router.lastEndpoint!)
        }
        let echo = Task {
            for try await batch in router.batches {
                for request in batch { try await router.send(request.message) }
            }
        }
        let request = Message(frame: [UInt8](repeating: 0x61, count: size))
        var replies = dealer.batches.makeAsyncIterator()
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for _ in 0..<count {
            let start = ContinuousClock.now
            try await dealer.send(request)
            guard let reply = try await replies.next(), reply.count == 1 else { throw BenchError("no reply") }
            samples.append((ContinuousClock.now - start).seconds * 1e6)
        }
        router.close()
        dealer.close()
        try await echo.value
        await router.waitUntilClosed()
        await dealer.waitUntilClosed()
        return Latency(samples)
    }

    /// The C baseline: runs `binary SIZE COUNT`, which prints "median p99" in microseconds.
    static func raw(binary: String, size: Int, count: Int) throws -> Latency {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [String(size), String(count)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap {
            Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard process.terminationStatus == 0, fields.count == 2 else {
            throw BenchError("raw round-trip benchmark failed")
        }
        var latency = Latency([0])
        latency.median = fields[0]
        latency.p99 = fields[1]
        return latency
    }
}
