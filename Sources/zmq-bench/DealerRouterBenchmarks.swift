import Foundation
import ZeroMQ

/// DEALER -> ROUTER throughput over tcp loopback, sender and receiver in one process: the
/// hub's request pattern, measured exactly as klimatnav-bench's `TransportBenchmark` does.
enum DealerRouterBenchmarks {
    /// Through ``AsyncSocket``: a task sends with `await send(_:)`, another iterates
    /// `batches` and checks the payload size of every message.
    /// - Returns: messages per second and the mean batch size the consumer saw.
    static func swiftAsync(
        size: Int, count: Int, configuration: AsyncSocket.Configuration = .init()
    ) async throws -> (rate: Double, meanBatch: Double) {
        var routerConfiguration = configuration
        routerConfiguration.threadName = "router-io"
        var dealerConfiguration = configuration
        dealerConfiguration.threadName = "dealer-io"
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let router = try AsyncSocket(context, type: .router, configuration: routerConfiguration) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let dealer = try AsyncSocket(context, type: .dealer, configuration: dealerConfiguration) { socket in
            try socket.set(.linger, 0)
            try socket.set(.routingId, Array("node-1".utf8))
            try socket.connect(router.lastEndpoint!)
        }
        let message = Message(frame: [UInt8](repeating: 0x61, count: size))
        let start = ContinuousClock.now
        let sending = Task {
            for _ in 0..<count { try await dealer.send(message) }
        }
        var received = 0
        var batches = 0
        for try await batch in router.batches {
            for message in batch where message.frames[1].count != size {
                throw BenchError("bad message size \(message.frames[1].count)")
            }
            batches += 1
            received += batch.count
            if received >= count { break }
        }
        let elapsed = ContinuousClock.now - start
        try await sending.value
        dealer.close()
        router.close()
        await dealer.waitUntilClosed()
        await router.waitUntilClosed()
        return (Double(count) / elapsed.seconds, Double(received) / Double(batches))
    }
}
