import CZeroMQ
import DequeModule
import Synchronization

/// The state an ``AsyncSocket`` shares between async callers and its I/O thread.
///
/// Everything mutable sits behind one lock. Continuations are resumed outside it.
@usableFromInline
final class AsyncSocketCore: Sendable {
    /// A unit of outbound work, run in order on the I/O thread. The rare cases are boxed so
    /// the enum has a fixed, small layout (continuations come from a resilient module).
    enum Outbound {
        case message(Message)
        case confirmed(ConfirmedSend)
        case task(SocketTask)
    }

    /// A send whose outcome a caller awaits.
    final class ConfirmedSend: Sendable {
        let message: Message
        let continuation: CheckedContinuation<Void, any Error>
        init(_ message: Message, _ continuation: CheckedContinuation<Void, any Error>) {
            self.message = message
            self.continuation = continuation
        }
    }

    /// A closure to run with the socket, or to fail when the socket closes first.
    final class SocketTask: Sendable {
        let run: @Sendable (Socket) -> Void
        let fail: @Sendable (ZeroMQError) -> Void
        init(run: @escaping @Sendable (Socket) -> Void, fail: @escaping @Sendable (ZeroMQError) -> Void) {
            self.run = run
            self.fail = fail
        }
    }

    /// What a receiver finds.
    enum Take {
        case batch([ReceivedMessage])
        case finished((any Error)?)
        case empty
    }

    struct State {
        var outbound: [Outbound] = []
        var sendWaiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var lastWaiterId: UInt64 = 0
        var inbound = Deque<[ReceivedMessage]>()
        var inboundCount = 0
        /// The parked consumer: resumed with `true` to look at the queue again, `false` when
        /// its task was cancelled. Batches always go through ``inbound``, so the I/O thread
        /// never holds the last reference to one (freeing a batch's messages is the consumer's
        /// work, not the I/O thread's).
        var receiveWaiter: CheckedContinuation<Bool, Never>?
        var readingPaused = false
        var sleeping = false
        var wakePending = false
        var closeRequested = false
        /// Set once the I/O thread has closed the socket: no more work is accepted.
        var finished = false
        var terminalError: ZeroMQError?
        var closedWaiters: [CheckedContinuation<Void, Never>] = []
        var failedSends = 0
    }

    let configuration: AsyncSocket.Configuration
    let state = Mutex(State())
    /// A non-blocking pipe: writing wakes the I/O thread out of `zmq_poll`.
    let wakeRead: Int32
    let wakeWrite: Int32

    init(configuration: AsyncSocket.Configuration) throws {
        self.configuration = configuration
        var fds: [Int32] = [0, 0]
        guard czmq_wake_pipe(&fds) == 0 else { throw ZeroMQError.current("pipe") }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        czmq_close_fd(wakeRead)
        czmq_close_fd(wakeWrite)
    }

    /// Wakes the I/O thread if it sleeps in `zmq_poll`. Call with the lock held.
    func wakeIfSleeping(_ state: inout State) {
        if state.sleeping && !state.wakePending {
            state.wakePending = true
            czmq_wake(wakeWrite)
        }
    }

    // MARK: Sending side (any thread)

    enum EnqueueResult { case queued, full, closed }

    func enqueue(_ item: Outbound, force: Bool = false) -> EnqueueResult {
        state.withLock { state in
            if state.finished || state.closeRequested { return .closed }
            if !force && state.outbound.count >= configuration.sendBufferLimit { return .full }
            state.outbound.append(item)
            wakeIfSleeping(&state)
            return .queued
        }
    }

    /// Queues a message if there is room and the socket is open (``AsyncSocket/send(_:)``'s
    /// fast path, inlined into callers).
    @usableFromInline
    func tryEnqueue(_ message: Message) -> Bool {
        enqueue(.message(message)) == .queued
    }

    /// Queues as many of `messages` as there is room for, under one lock.
    /// - Returns: how many were queued, or `nil` when the socket is closed.
    func enqueue(contentsOf messages: ArraySlice<Message>) -> Int? {
        state.withLock { state in
            if state.finished || state.closeRequested { return nil }
            let room = max(0, configuration.sendBufferLimit - state.outbound.count)
            let taken = messages.prefix(room)
            for message in taken { state.outbound.append(.message(message)) }
            if !taken.isEmpty { wakeIfSleeping(&state) }
            return taken.count
        }
    }

    /// Suspends until the outbound queue has room.
    /// - Throws: `ETERM` when the socket closes, `CancellationError` when the task is cancelled.
    func waitForRoom() async throws {
        let id = state.withLock { state in
            state.lastWaiterId += 1
            return state.lastWaiterId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let result: Result<Void, any Error>? = state.withLock { state in
                    if state.finished || state.closeRequested { return .failure(ZeroMQError.socketClosed("send")) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.outbound.count < configuration.sendBufferLimit { return .success(()) }
                    state.sendWaiters[id] = continuation
                    return nil
                }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.sendWaiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func requestClose() {
        state.withLock { state in
            state.closeRequested = true
            wakeIfSleeping(&state)
        }
    }

    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.finished { return true }
                state.closedWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    // MARK: Receiving side (one consumer)

    func take() -> Take {
        state.withLock { state in takeLocked(&state) }
    }

    private func takeLocked(_ state: inout State) -> Take {
        if var batch = state.inbound.popFirst() {
            // Batches that queued up while the consumer was busy go out as one (up to
            // `maxBatchSize`): a slow consumer then gets fewer, larger batches (for the hub,
            // fewer and larger group commits) instead of falling further behind.
            while let next = state.inbound.first, batch.count + next.count <= configuration.maxBatchSize {
                batch += next
                _ = state.inbound.popFirst()
            }
            state.inboundCount -= batch.count
            if state.readingPaused && state.inboundCount <= configuration.receiveBufferLimit / 2 {
                state.readingPaused = false
                wakeIfSleeping(&state)
            }
            return .batch(batch)
        }
        if state.finished { return .finished(state.terminalError) }
        return .empty
    }

    nonisolated(nonsending) func receive() async throws -> [ReceivedMessage]? {
        while true {
            switch take() {
            case .batch(let batch): return batch
            case .finished(let error):
                if let error { throw error }
                return nil
            case .empty: break
            }
            let lookAgain = await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    park(continuation)
                }
            } onCancel: {
                let waiter = state.withLock { state in
                    defer { state.receiveWaiter = nil }
                    return state.receiveWaiter
                }
                waiter?.resume(returning: false)
            }
            if !lookAgain { return nil }
        }
    }

    private func park(_ continuation: CheckedContinuation<Bool, Never>) {
        let outcome: Bool? = state.withLock { state in
            if !state.inbound.isEmpty || state.finished { return true }
            if Task.isCancelled { return false }
            precondition(state.receiveWaiter == nil, "AsyncSocket.batches has a single consumer")
            state.receiveWaiter = continuation
            return nil
        }
        if let outcome { continuation.resume(returning: outcome) }
    }

    // MARK: I/O thread side

    /// Queues a batch and wakes the consumer if it waits. The batch is moved into the queue
    /// under the lock (`batch` is left empty), so the consumer, which pops it, holds the only
    /// reference: were the I/O thread to keep one, it would often free the messages itself.
    /// - Returns: whether reading must pause because the buffer is full.
    func deliver(_ batch: inout [ReceivedMessage]) -> Bool {
        let (waiter, paused) = state.withLock { state -> (CheckedContinuation<Bool, Never>?, Bool) in
            state.inboundCount += batch.count
            state.inbound.append(batch)
            batch = []
            if state.inboundCount >= configuration.receiveBufferLimit { state.readingPaused = true }
            defer { state.receiveWaiter = nil }
            return (state.receiveWaiter, state.readingPaused)
        }
        waiter?.resume(returning: true)
        return paused
    }
}
