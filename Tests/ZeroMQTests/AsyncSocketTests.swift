import Foundation
import Testing

@testable import ZeroMQ

@Suite("AsyncSocket: the dedicated-thread bridge", .timeLimit(.minutes(5)))
struct AsyncSocketTests {
    @Test func deliversTenThousandMessagesInOrderInBatches() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pull = try AsyncSocket(context, type: .pull) { socket in
            try socket.set(.linger, 0)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let endpoint = try #require(pull.lastEndpoint)
        let push = try AsyncSocket(context, type: .push) { socket in
            try socket.set(.linger, 0)
            try socket.connect(endpoint)
        }
        let count = 10_000
        let (received, batchCount) = try await withTimeout(20) {
            async let sending: Void = {
                for index in 0..<count {
                    try await push.send(Message(frame: withUnsafeBytes(of: UInt32(index).littleEndian, Array.init)))
                }
            }()
            var received: [UInt32] = []
            var batchCount = 0
            for try await batch in pull.batches {
                batchCount += 1
                for message in batch {
                    received.append(message.frames[0].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
                }
                if received.count >= count { break }
            }
            try await sending
            return (received, batchCount)
        }
        #expect(received == (0..<UInt32(count)).map { $0 })
        #expect(batchCount < count, "messages should arrive in batches")
        push.close()
        pull.close()
        await push.waitUntilClosed()
        await pull.waitUntilClosed()
    }

    @Test func closeEndsAPendingReceivePromptly() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pull = try AsyncSocket(context, type: .pull) { try $0.bind("inproc://nobody-sends") }
        // The guard fails the test (instead of hanging it) if close does not end the receive.
        try await withTimeout(15) {
            async let drained: Int = {
                var batches = 0
                for try await _ in pull.batches { batches += 1 }
                return batches
            }()
            try await Task.sleep(for: .milliseconds(50))  // let the receive park
            pull.close()
            #expect(try await drained == 0)
        }
        await pull.waitUntilClosed()
        // After close, sends fail with ETERM and new receives end at once.
        await #expect(throws: ZeroMQError.contextTerminated) { try await pull.send(.text("late")) }
        var iterator = pull.batches.makeAsyncIterator()
        #expect(try await iterator.next() == nil)
    }

    @Test func contextShutdownEndsAPendingReceivePromptly() async throws {
        let context = try ZeroMQContext()
        let sub = try AsyncSocket(context, type: .sub) { socket in
            try socket.subscribe()
            try socket.connect("tcp://127.0.0.1:1")  // nobody there; retries in the background
        }
        try await withTimeout(5) {
            async let drained: Int = {
                var batches = 0
                for try await _ in sub.batches { batches += 1 }
                return batches
            }()
            try await Task.sleep(for: .milliseconds(50))
            // shutdown() blocks until the I/O thread closed its socket: run it off the pool.
            Thread { context.shutdown() }.start()
            #expect(try await drained == 0)
        }
        await sub.waitUntilClosed()
    }

    @Test func cancellingTheConsumerEndsItsReceive() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pull = try AsyncSocket(context, type: .pull) { try $0.bind("inproc://cancel") }
        let consumer = Task {
            var batches = 0
            for try await _ in pull.batches { batches += 1 }
            return batches
        }
        try await Task.sleep(for: .milliseconds(30))
        consumer.cancel()
        let batches = try await withTimeout(5) { try await consumer.value }
        #expect(batches == 0)
        pull.close()
        await pull.waitUntilClosed()
    }

    @Test func routerServerAndDealerClient() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let server = try AsyncSocket(context, type: .router) { socket in
            try socket.set(.linger, 0)
            try socket.set(.routerMandatory, true)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let client = try AsyncSocket(context, type: .dealer) { socket in
            try socket.set(.linger, 0)
            try socket.set(.routingId, Array("station-42".utf8))
            try socket.connect(server.lastEndpoint!)
        }
        let serving = Task {
            for try await batch in server.batches {
                for request in batch {
                    #expect(request.userId == nil)
                    let body = request.frames.dropFirst().map { $0.reversed() as [UInt8] }
                    try await server.send(Message(body), to: request.frames[0])
                }
            }
        }
        let replies = try await withTimeout(10) {
            for index in 0..<100 { try await client.send(.text("ping \(index)")) }
            var replies: [String] = []
            for try await batch in client.batches {
                replies += batch.compactMap { $0.string(at: 0) }
                if replies.count == 100 { break }
            }
            return replies
        }
        #expect(replies == (0..<100).map { String("ping \($0)".reversed()) })

        // A confirmed send reports what libzmq said.
        await #expect(throws: ZeroMQError.hostUnreachable) {
            try await server.sendConfirmed(Message.text("x").routed(to: Array("ghost".utf8)))
        }
        server.close()
        client.close()
        try await withTimeout(5) { try await serving.value }
    }

    @Test func pubSubWithLateSubscriptionThroughWithSocket() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pub = try AsyncSocket(context, type: .pub) { socket in
            try socket.set(.linger, 0)
            try socket.bind("inproc://weather")
        }
        let sub = try AsyncSocket(context, type: .sub) { socket in
            try socket.set(.linger, 0)
            try socket.connect("inproc://weather")
        }
        try await sub.withSocket { try $0.subscribe("obs.") }
        let hwm = try await sub.withSocket { try $0.get(.receiveHighWaterMark) }
        #expect(hwm == 1000)

        let first = try await withTimeout(10) {
            async let received: ReceivedMessage? = {
                for try await batch in sub.batches {
                    if let message = batch.first { return message }
                }
                return nil
            }()
            // Slow joiner: keep publishing until the subscriber has it.
            let publishing = Task {
                while !Task.isCancelled {
                    try await pub.send(.text("noise", "x"))
                    try await pub.send(.text("obs.oslo", "-3.5"))
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            defer { publishing.cancel() }
            return try await received
        }
        #expect(first?.string(at: 0) == "obs.oslo")
        #expect(first?.string(at: 1) == "-3.5")
        pub.close()
        sub.close()
    }

    @Test func backPressureKeepsEveryMessageInOrder() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let small = AsyncSocket.Configuration(maxBatchSize: 16, receiveBufferLimit: 64, sendBufferLimit: 32)
        let pull = try AsyncSocket(context, type: .pull, configuration: small) { socket in
            try socket.set(.linger, 0)
            try socket.set(.receiveHighWaterMark, 10)
            try socket.bind("tcp://127.0.0.1:*")
        }
        let push = try AsyncSocket(context, type: .push, configuration: small) { socket in
            try socket.set(.linger, 0)
            try socket.set(.sendHighWaterMark, 10)
            try socket.connect(pull.lastEndpoint!)
        }
        let count = 3000
        let sending = Task {
            for index in 0..<count / 2 { try await push.send(.text(String(index))) }
            try await push.send(contentsOf: (count / 2..<count).map { .text(String($0)) })
        }
        // The consumer starts late: the sender must be held back, not buffered without bound.
        try await Task.sleep(for: .milliseconds(100))
        let received = try await withTimeout(20) {
            var received: [String] = []
            for try await batch in pull.batches {
                #expect(batch.count <= 16)
                received += batch.compactMap { $0.string(at: 0) }
                if received.count == count { break }
            }
            return received
        }
        try await sending.value
        #expect(received == (0..<count).map(String.init))
        push.close()
        pull.close()
    }

    @Test func largeMessageThroughTheBridge() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let pair = try AsyncSocket(context, type: .pair) {
            try $0.bind("ipc://\(NSTemporaryDirectory())zmq-big-\(UUID().uuidString.prefix(8))")
        }
        let other = try AsyncSocket(context, type: .pair) { try $0.connect(pair.lastEndpoint!) }
        let big = [UInt8]((0..<3_145_728).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try await other.sendConfirmed(Message([big, [1]]))
        let message = try await withTimeout(10) {
            for try await batch in pair.batches { return batch.first }
            return nil
        }
        #expect(message?.frames.first == big)
        #expect(message?.frames.last == [1])
        pair.close()
        other.close()
        await pair.waitUntilClosed()
        await other.waitUntilClosed()
    }
}

@Suite("AsyncSocket: back-pressure on senders", .timeLimit(.minutes(5)))
struct AsyncSocketSendTests {
    @Test func aSenderWaitingForRoomCanBeCancelledOrReleasedByClose() async throws {
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let tiny = AsyncSocket.Configuration(sendBufferLimit: 4)
        // A PUSH whose peer never binds queues up to its high-water mark (inproc keeps a
        // pending pipe), then cannot send: the bridge's queue fills and senders suspend.
        let push = try AsyncSocket(context, type: .push, configuration: tiny) { socket in
            try socket.set(.linger, 0)
            try socket.set(.sendHighWaterMark, 2)
            try socket.connect("inproc://nobody-pulls")
        }
        let stuck = Task {
            for index in 0..<10_000 { try await push.send(.text(String(index))) }
        }
        try await Task.sleep(for: .milliseconds(50))
        stuck.cancel()
        await #expect(throws: CancellationError.self) { try await withTimeout(5) { try await stuck.value } }

        let stuckAgain = Task {
            for index in 0..<10_000 { try await push.send(.text(String(index))) }
        }
        try await Task.sleep(for: .milliseconds(50))
        push.close()
        await #expect(throws: ZeroMQError.contextTerminated) { try await withTimeout(5) { try await stuckAgain.value } }
        await push.waitUntilClosed()
    }
}
