import Foundation
import ZeroMQ

/// PUSH/PULL throughput over tcp loopback, sender and receiver in one process.
enum PushPullBenchmarks {
    /// Through ``AsyncSocket``: the path the application uses. A task sends with
    /// `await send(_:)`, another iterates `batches`.
    /// - Returns: messages per second and the mean batch size the consumer saw.
    static func swiftAsync(
        size: Int, count: Int, configuration: AsyncSocket.Configuration = .init()
    ) async throws -> (rate: Double, meanBatch: Double) {
        var pullConfiguration = configuration
        pullConfiguration.threadName = "pull-io"
        var pushConfiguration = configuration
        pushConfiguration.threadName = "push-io"
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pull = try AsyncSocket(context, type: .pull, configuration: pullConfiguration) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let push = try AsyncSocket(context, type: .push, configuration: pushConfiguration) { socket in
            try socket.set(.linger, 0)
            try socket.connect(pull.lastEndpoint!)
        }
        let message = Message(frame: [UInt8](repeating: 0x61, count: size))
        let start = ContinuousClock.now
        let sender = Task {
            for _ in 0..<count { try await push.send(message) }
        }
        var received = 0
        var bytes = 0
        var batches = 0
        for try await batch in pull.batches {
            batches += 1
            received += batch.count
            bytes += batch.last!.frames[0].count
            if received >= count { break }
        }
        let elapsed = ContinuousClock.now - start
        try await sender.value
        precondition(received == count && bytes > 0)
        push.close()
        pull.close()
        await push.waitUntilClosed()
        await pull.waitUntilClosed()
        return (Double(count) / elapsed.seconds, Double(received) / Double(batches))
    }

    /// Through the synchronous ``Socket`` API on two dedicated threads.
    static func swiftSync(size: Int, count: Int) async throws -> Double {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let rate = try await onThread {
            let pull = try Socket(context, type: .pull)
            defer { pull.close() }
            try pull.set(.linger, 0)
            try pull.bind("tcp://127.0.0.1:*")
            let endpoint = pull.lastEndpoint!
            let start = ContinuousClock.now
            Thread {
                do {
                    let push = try Socket(context, type: .push)
                    defer { push.close() }
                    try push.connect(endpoint)
                    let message = Message(frame: [UInt8](repeating: 0x61, count: size))
                    for _ in 0..<count { try push.send(message) }
                } catch {
                    fatalError("sender: \(error)")
                }
            }.start()
            for _ in 0..<count {
                let message = try pull.receive()
                precondition(message.frames[0].count == size)
            }
            return Double(count) / (ContinuousClock.now - start).seconds
        }
        return rate
    }

    /// The C baseline, compiled by scripts/bench-zmq.sh: runs `binary SIZE COUNT`.
    static func raw(binary: String, size: Int, count: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [String(size), String(count)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let rate = Double(text) else {
            throw BenchError("raw benchmark failed: \(text)")
        }
        return rate
    }

    /// Runs blocking work on a new thread, so the cooperative pool never blocks.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
