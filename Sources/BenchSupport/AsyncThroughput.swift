import Foundation
import ZeroMQ

/// Throughput through ``AsyncSocket`` (the path the application uses) over tcp loopback,
/// sender and receiver in one process (zmq-bench and klimatnav-bench's transport figures):
/// a task sends `count` messages of `size` bytes with `await send(_:)`, the caller iterates
/// `batches` and checks the payload size of every message.
public enum AsyncThroughput {
    /// - Parameters:
    ///   - receiver: `.pull` or `.router` (a ROUTER's payload is frame 1, after the routing id).
    ///   - sender: `.push` or `.dealer`.
    /// - Returns: messages per second and the mean batch size the consumer saw.
    public static func measure(
        receiver receiverType: SocketType, sender senderType: SocketType, size: Int, count: Int,
        configuration: AsyncSocket.Configuration
    ) async throws -> (rate: Double, meanBatch: Double) {
        var receiverConfiguration = configuration
        receiverConfiguration.threadName = "\(receiverType)-io"
        var senderConfiguration = configuration
        senderConfiguration.threadName = "\(senderType)-io"
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let receiver = try AsyncSocket(context, type: receiverType, configuration: receiverConfiguration) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let sender = try AsyncSocket(context, type: senderType, configuration: senderConfiguration) { socket in
            try socket.set(.linger, 0)
            if senderType == .dealer { try socket.set(.routingId, Array("node-1".utf8)) }
            try socket.connect(receiver.lastEndpoint!)
        }
        let payloadFrame = receiverType == .router ? 1 : 0
        let message = Message(frame: [UInt8](repeating: 0x61, count: size))
        let start = ContinuousClock.now
        let sending = Task {
            for _ in 0..<count { try await sender.send(message) }
        }
        var received = 0
        var batches = 0
        for try await batch in receiver.batches {
            for message in batch where message.frames[payloadFrame].count != size {
                throw BenchError("bad message size \(message.frames[payloadFrame].count)")
            }
            batches += 1
            received += batch.count
            if received >= count { break }
        }
        let elapsed = ContinuousClock.now - start
        try await sending.value
        sender.close()
        receiver.close()
        await sender.waitUntilClosed()
        await receiver.waitUntilClosed()
        return (Double(count) / elapsed.seconds, Double(received) / Double(batches))
    }
}
