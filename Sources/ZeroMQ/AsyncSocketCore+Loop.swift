import CZeroMQ

extension AsyncSocketCore {
    /// The I/O thread's whole life: send queued work, drain inbound messages into batches,
    /// sleep in `zmq_poll` on the socket and the wake pipe, until closed or `ETERM`.
    func run(_ socket: Socket) {
        // The outbound work taken from the queue, last item first: each is popped (moved out)
        // before it is sent, so a sent message costs one release, not a copy and two.
        var pending: [Outbound] = []
        var exitError: ZeroMQError?
        let canReceive = socket.type.canReceive
        let maxBatch = max(1, configuration.maxBatchSize)
        // Sized like the previous batch, so a busy socket does not regrow every batch.
        var lastBatchCount = 0
        var items = [
            zmq_pollitem_t(socket: nil, fd: wakeRead, events: Int16(ZMQ_POLLIN), revents: 0),
            zmq_pollitem_t(socket: socket.handle, fd: 0, events: 0, revents: 0),
        ]

        loop: while true {
            // 1. Take the queued outbound work (when the previous lot is done).
            var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
            let (closing, paused, took) = state.withLock { state in
                let take = pending.isEmpty && !state.outbound.isEmpty
                if take {
                    swap(&pending, &state.outbound)
                    swap(&waiters, &state.sendWaiters)
                }
                return (state.closeRequested, state.readingPaused, take)
            }
            for waiter in waiters.values { waiter.resume() }
            if took { pending.reverse() }
            if closing { break loop }

            // 2. Send without blocking until done or the high-water mark is reached.
            let sendBlocked: Bool
            do {
                sendBlocked = try sendPending(socket, &pending)
            } catch {
                exitError = error.code == czmq_ETERM() ? nil : error
                break loop
            }

            // 3. Receive without blocking, one batch at most per turn.
            var moreToRead = false
            if canReceive && !paused {
                var batch: [ReceivedMessage] = []
                batch.reserveCapacity(min(maxBatch, max(16, lastBatchCount)))
                // Settings read once per batch: a task may have changed them since the last.
                var receiveState = ReceiveState(socket)
                do {
                    while batch.count < maxBatch, let message = try socket.receive(flags: ZMQ_DONTWAIT, state: &receiveState) {
                        batch.append(message)
                    }
                } catch let error as ZeroMQError {
                    if !batch.isEmpty { _ = deliver(&batch) }
                    exitError = error.code == czmq_ETERM() ? nil : error
                    break loop
                } catch {
                    preconditionFailure("Socket.receive throws ZeroMQError only")
                }
                moreToRead = batch.count == maxBatch
                lastBatchCount = batch.count
                if !batch.isEmpty && deliver(&batch) { moreToRead = false }
            }
            if moreToRead { continue loop }

            // 4. Sleep, unless work arrived in the meantime.
            let readNow: Bool? = state.withLock { state in
                if state.closeRequested { return nil }
                if !state.outbound.isEmpty && !sendBlocked && pending.isEmpty { return nil }
                if paused && !state.readingPaused { return nil }
                state.sleeping = true
                return canReceive && !state.readingPaused
            }
            guard let readNow else { continue loop }
            items[1].events = (readNow ? Int16(ZMQ_POLLIN) : 0) | (sendBlocked ? Int16(ZMQ_POLLOUT) : 0)
            // A blocked send re-tries every 100 ms too: POLLOUT on ROUTER/DEALER is coarse.
            let result = zmq_poll(&items, 2, sendBlocked ? 100 : -1)
            let code = czmq_errno()
            state.withLock { state in
                state.sleeping = false
                state.wakePending = false
            }
            if items[0].revents != 0 { czmq_drain(wakeRead) }
            if result < 0 && code != czmq_EINTR() {
                exitError = code == czmq_ETERM() ? nil : ZeroMQError(operation: "zmq_poll", code: code)
                break loop
            }
        }
        finish(socket, pending: pending.reversed(), error: exitError)
    }

    /// Sends queued work in order with `ZMQ_DONTWAIT`, popping `pending` (last item first).
    /// - Returns: `true` when the socket would block (the item that would block and the rest
    ///   stay queued).
    /// - Throws: ``ZeroMQError`` `ETERM` only; other send errors fail one item.
    private func sendPending(_ socket: Socket, _ pending: inout [Outbound]) throws(ZeroMQError) -> Bool {
        while let item = pending.popLast() {
            switch item {
            case .message(let message):
                do {
                    if try !socket.send(message, flags: ZMQ_DONTWAIT) {
                        pending.append(item)
                        return true
                    }
                } catch let error as ZeroMQError {
                    if error.code == czmq_ETERM() {
                        pending.append(item)
                        throw error
                    }
                    state.withLock { $0.failedSends += 1 }
                } catch {}
            case .confirmed(let send):
                do {
                    if try !socket.send(send.message, flags: ZMQ_DONTWAIT) {
                        pending.append(item)
                        return true
                    }
                    send.continuation.resume()
                } catch let error as ZeroMQError {
                    if error.code == czmq_ETERM() {
                        pending.append(item)
                        throw error
                    }
                    send.continuation.resume(throwing: error)
                } catch {}
            case .task(let task):
                task.run(socket)
            }
        }
        return false
    }

    /// Closes the socket and settles everybody still waiting.
    private func finish(_ socket: Socket, pending: [Outbound], error: ZeroMQError?) {
        let graceful = error == nil && !socket.context.isShutDown
        var leftovers = pending
        let late = state.withLock { state in
            defer { state.outbound.removeAll() }
            return state.outbound
        }
        leftovers += late
        for item in leftovers {
            switch item {
            case .message(let message):
                if graceful { _ = try? socket.send(message, flags: ZMQ_DONTWAIT) }
            case .confirmed(let send):
                do {
                    guard graceful, try socket.send(send.message, flags: ZMQ_DONTWAIT) else {
                        throw ZeroMQError.socketClosed("send")
                    }
                    send.continuation.resume()
                } catch {
                    send.continuation.resume(throwing: error)
                }
            case .task(let task):
                if graceful { task.run(socket) } else { task.fail(.socketClosed("withSocket")) }
            }
        }
        socket.close()

        let (receiver, senders, closers, stragglers) = state.withLock { state in
            state.finished = true
            state.terminalError = error
            defer {
                state.receiveWaiter = nil
                state.sendWaiters.removeAll()
                state.closedWaiters.removeAll()
                state.outbound.removeAll()
            }
            return (state.receiveWaiter, state.sendWaiters, state.closedWaiters, state.outbound)
        }
        // The consumer finds the end (and the error) in `take()`, after any queued batches.
        receiver?.resume(returning: true)
        for sender in senders.values { sender.resume(throwing: ZeroMQError.socketClosed("send")) }
        for item in stragglers {
            switch item {
            case .message: break
            case .confirmed(let send): send.continuation.resume(throwing: ZeroMQError.socketClosed("send"))
            case .task(let task): task.fail(.socketClosed("withSocket"))
            }
        }
        for closer in closers { closer.resume() }
    }
}
