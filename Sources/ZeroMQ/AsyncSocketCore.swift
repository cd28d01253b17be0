import CZeroMQ

/// The state an ``AsyncSocket`` shares between async callers and its I/O thread.
///
/// Everything mutable sits behind one lock. Continuations are resumed outside it.
final class AsyncSocketCore: Sendable {
    /// A unit of outbound work, run in order on the I/O thread.
    enum Outbound {
        case message(Message)
        case confirmed(Message, CheckedContinuation<Void, any Error>)
        case task(run: @Sendable (Socket) -> Void, fail: @Sendable (ZeroMQError) -> Void)
    }

    /// What a receiver finds.
    enum Take {
        case batch([ReceivedMessage])
        case finished((any Error)?)
        case empty
    }

    struct State {
        var outbound: [Outbound] = []
        var sendWaiters: [CheckedContinuation<Void, any Error>] = []
        var inbound = Queue<[ReceivedMessage]>()
        var inboundCount = 0
        var receiveWaiter: CheckedContinuation<[ReceivedMessage]?, any Error>?
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
    let state = Locked(State())
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

    /// Suspends until the outbound queue has room (or the socket closed: throws).
    func waitForRoom() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let result: Result<Void, ZeroMQError>? = state.withLock { state in
                if state.finished || state.closeRequested { return .failure(.socketClosed("send")) }
                if state.outbound.count < configuration.sendBufferLimit { return .success(()) }
                state.sendWaiters.append(continuation)
                return nil
            }
            if let result { continuation.resume(with: result) }
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
        if var batch = state.inbound.pop() {
            // Batches that queued up while the consumer was busy go out as one (up to
            // `maxBatchSize`): a slow consumer then gets fewer, larger batches (for the hub,
            // fewer and larger group commits) instead of falling further behind.
            while let next = state.inbound.first, batch.count + next.count <= configuration.maxBatchSize {
                batch += next
                _ = state.inbound.pop()
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

    func receive() async throws -> [ReceivedMessage]? {
        switch take() {
        case .batch(let batch): return batch
        case .finished(let error):
            if let error { throw error }
            return nil
        case .empty: break
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                park(continuation)
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.receiveWaiter = nil }
                return state.receiveWaiter
            }
            waiter?.resume(returning: nil)
        }
    }

    private func park(_ continuation: CheckedContinuation<[ReceivedMessage]?, any Error>) {
        let outcome: Result<[ReceivedMessage]?, any Error>? = state.withLock { state in
            switch takeLocked(&state) {
            case .batch(let batch): return .success(batch)
            case .finished(let error): return error.map { .failure($0) } ?? .success(nil)
            case .empty:
                if Task.isCancelled { return .success(nil) }
                precondition(state.receiveWaiter == nil, "AsyncSocket.batches has a single consumer")
                state.receiveWaiter = continuation
                return nil
            }
        }
        if let outcome { continuation.resume(with: outcome) }
    }

    // MARK: I/O thread side

    /// Hands a batch to the waiting consumer or buffers it.
    /// - Returns: whether reading must pause because the buffer is full.
    func deliver(_ batch: [ReceivedMessage]) -> Bool {
        let (waiter, paused) = state.withLock { state -> (CheckedContinuation<[ReceivedMessage]?, any Error>?, Bool) in
            if let waiter = state.receiveWaiter {
                state.receiveWaiter = nil
                return (waiter, false)
            }
            state.inbound.push(batch)
            state.inboundCount += batch.count
            if state.inboundCount >= configuration.receiveBufferLimit { state.readingPaused = true }
            return (nil, state.readingPaused)
        }
        waiter?.resume(returning: batch)
        return paused
    }
}
