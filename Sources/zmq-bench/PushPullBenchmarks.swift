import BenchSupport
import Foundation
import ZeroMQ

/// PUSH/PULL throughput over tcp loopback, sender and receiver in one process.
enum PushPullBenchmarks {
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
