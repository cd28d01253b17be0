import Foundation

/// A socket for async code: it lives its whole life on one dedicated I/O thread.
///
/// ## Design
/// libzmq sockets are not thread-safe and their calls block, so an `AsyncSocket` moves its
/// ``Socket`` onto a dedicated `Thread` that alone touches it until it is closed. That thread
/// loops: it sends queued outbound work with `ZMQ_DONTWAIT`, drains inbound messages with
/// `ZMQ_DONTWAIT` into a **batch**, hands the batch to the consumer, and sleeps in `zmq_poll`
/// on the socket plus a wake-up pipe. Async callers never block the cooperative pool:
///
/// - ``send(_:)`` appends to a lock-protected queue and returns at once; it suspends only
///   when ``Configuration/sendBufferLimit`` messages are queued (back-pressure), and writes
///   the wake-up pipe only when the thread sleeps. ``sendConfirmed(_:)`` waits for
///   `zmq_send`'s outcome (for example `EHOSTUNREACH` on a mandatory ROUTER).
/// - ``batches`` is an `AsyncSequence` of `[ReceivedMessage]`. One element per batch, not per
///   message, keeps the hand-off cost low; when ``Configuration/receiveBufferLimit`` messages
///   wait unconsumed the thread stops reading, so libzmq's high-water mark pushes back on
///   the peers.
/// - ``close()`` (or ``ZeroMQContext/shutdown()``) ends the thread promptly: a pending receive
///   returns `nil` and the sequence finishes; pending sends fail with `ETERM`.
///
/// Configure the socket (options, `bind`, `connect`) before handing it over, or later with
/// ``withSocket(_:)``, which runs a closure on the I/O thread.
///
/// ```swift
/// let server = try AsyncSocket(context, type: .router) { socket in
///     try socket.set(.linger, 0)
///     try socket.bind("tcp://127.0.0.1:*")
/// }
/// for try await batch in server.batches {
///     for request in batch {
///         try await server.send(Message([request.frames[0], Array("ok".utf8)]))
///     }
/// }
/// ```
public final class AsyncSocket: Sendable {
    /// Buffer sizes and the I/O thread's name.
    public struct Configuration: Sendable {
        /// The most messages in one element of ``AsyncSocket/batches``.
        public var maxBatchSize: Int
        /// Unconsumed received messages at which the I/O thread stops reading.
        public var receiveBufferLimit: Int
        /// Queued outbound messages at which ``AsyncSocket/send(_:)`` suspends.
        public var sendBufferLimit: Int
        /// The I/O thread's name (seen in debuggers).
        public var threadName: String

        /// Creates a configuration.
        public init(
            maxBatchSize: Int = 1024, receiveBufferLimit: Int = 16_384, sendBufferLimit: Int = 16_384,
            threadName: String = "zeromq-io"
        ) {
            self.maxBatchSize = maxBatchSize
            self.receiveBufferLimit = receiveBufferLimit
            self.sendBufferLimit = sendBufferLimit
            self.threadName = threadName
        }
    }

    /// The socket's pattern.
    public let type: SocketType
    /// The endpoint last bound before the hand-over (with the real port), if any.
    public let lastEndpoint: String?
    @usableFromInline let core: AsyncSocketCore

    /// Takes over a configured socket and starts its I/O thread.
    /// - Parameters:
    ///   - socket: a socket nobody else uses any more (`sending`: the compiler checks it).
    ///   - configuration: buffer sizes.
    public init(_ socket: sending Socket, configuration: Configuration = Configuration()) throws {
        type = socket.type
        lastEndpoint = socket.lastEndpoint
        core = try AsyncSocketCore(configuration: configuration)
        let core = self.core
        let handOver = HandOver(socket)
        let name = configuration.threadName
        Thread {
            Thread.current.name = name
            core.run(handOver.socket)
        }.start()
    }

    /// Creates a socket, lets `setUp` configure it on the calling thread (options, `bind`,
    /// `connect`: none of them blocks), then takes it over.
    public convenience init(
        _ context: ZeroMQContext, type: SocketType, configuration: Configuration = Configuration(),
        setUp: (Socket) throws -> Void = { _ in }
    ) throws {
        let socket = try Socket(context, type: type)
        do {
            try setUp(socket)
        } catch {
            try? socket.set(.linger, 0)
            socket.close()
            throw error
        }
        try self.init(socket, configuration: configuration)
    }

    deinit {
        core.requestClose()
    }

    /// Received messages, in order, as batches. Iterate from one task only. The sequence ends
    /// (`nil`) when the socket closes or the context shuts down, and throws the
    /// ``ZeroMQError`` that stopped the I/O thread otherwise.
    public var batches: ReceivedBatches { ReceivedBatches(socket: self) }

    /// Queues a message for sending, in order with every other call. Suspends only while the
    /// queue is full. A send that libzmq refuses later (for example an unroutable message on
    /// a mandatory ROUTER) is counted in ``failedSendCount``; use ``sendConfirmed(_:)`` to
    /// learn about it.
    ///
    /// Sends that cannot leave (a PUSH or DEALER without a ready peer, a ROUTER with
    /// ``SocketOption/routerMandatory`` whose peer is at its high-water mark) wait in order,
    /// so the queue fills and callers suspend until the peer drains it, the task is
    /// cancelled, or the socket closes.
    /// It runs on the caller's executor (`nonisolated(nonsending)`): queuing only takes a
    /// lock, so a caller on an actor does not hop off the actor and back for every message.
    /// - Throws: ``ZeroMQError`` `ETERM` once the socket is closed; `CancellationError` when
    ///   the task is cancelled while waiting for room.
    @inlinable
    nonisolated(nonsending) public func send(_ message: Message) async throws {
        // Inlined into the caller: queuing when there is room costs no async call frame.
        if core.tryEnqueue(message) { return }
        try await sendWhenRoom(message)
    }

    /// ``send(_:)`` when the queue was full or the socket closed.
    @usableFromInline
    nonisolated(nonsending) func sendWhenRoom(_ message: Message) async throws {
        while true {
            switch core.enqueue(.message(message)) {
            case .queued: return
            case .closed: throw ZeroMQError.socketClosed("send")
            case .full: try await core.waitForRoom()
            }
        }
    }

    /// Queues several messages in order, taking the lock once per run that fits: cheaper
    /// than one ``send(_:)`` per message when fanning out.
    nonisolated(nonsending) public func send(contentsOf messages: [Message]) async throws {
        var rest = messages[...]
        while !rest.isEmpty {
            guard let queued = core.enqueue(contentsOf: rest) else { throw ZeroMQError.socketClosed("send") }
            rest = rest.dropFirst(queued)
            if !rest.isEmpty { try await core.waitForRoom() }
        }
    }

    /// Sends a message to the peer with `routingId` (ROUTER sockets).
    nonisolated(nonsending) public func send(_ message: Message, to routingId: [UInt8]) async throws {
        try await send(message.routed(to: routingId))
    }

    /// Sends a message and waits until libzmq accepted it (or refused it).
    /// - Throws: the ``ZeroMQError`` of `zmq_send` (`EHOSTUNREACH`, ...), or `ETERM`.
    public func sendConfirmed(_ message: Message) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            if case .closed = core.enqueue(.confirmed(.init(message, continuation)), force: true) {
                continuation.resume(throwing: ZeroMQError.socketClosed("send"))
            }
        }
    }

    /// Runs `body` with the socket on the I/O thread, in order with queued sends: to connect,
    /// subscribe or read an option later. `body` must not block for long.
    public func withSocket<Result: Sendable>(
        _ body: @escaping @Sendable (Socket) throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let task = AsyncSocketCore.Outbound.task(
                .init(
                    run: { socket in continuation.resume(with: Swift.Result { try body(socket) }) },
                    fail: { error in continuation.resume(throwing: error) }))
            if case .closed = core.enqueue(task, force: true) {
                continuation.resume(throwing: ZeroMQError.socketClosed("withSocket"))
            }
        }
    }

    /// Messages dropped because libzmq refused them after ``send(_:)`` returned.
    public var failedSendCount: Int { core.state.withLock { $0.failedSends } }

    /// Asks the I/O thread to flush what it can without blocking, close the socket and end
    /// ``batches``. Returns at once; await ``waitUntilClosed()`` to know it is done.
    public func close() {
        core.requestClose()
    }

    /// Whether ``close()`` was called or the I/O thread has finished.
    public var isClosing: Bool { core.state.withLock { $0.closeRequested || $0.finished } }

    /// Waits until the I/O thread closed the socket.
    public func waitUntilClosed() async {
        await core.waitUntilFinished()
    }
}

/// Carries the socket to its I/O thread: after the hand-over only that thread touches it.
private final class HandOver: @unchecked Sendable {
    let socket: Socket
    init(_ socket: Socket) { self.socket = socket }
}
