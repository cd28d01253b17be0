import Synchronization

/// Whether a hub was asked to stop, and what its ``Hub/run()`` opened: ``Hub/shutdown()`` and
/// ``Hub/releaseDatabase()`` are called from outside the actor (signal handlers, service
/// lifecycle), so they reach the sockets and the database through this lock.
final class HubLifecycle: Sendable {
    private struct State {
        var stopped = false
        var io: HubIO?
    }

    private let state = Mutex(State())

    /// Notes what ``Hub/run()`` opened; false (and `io` closed) when ``stop()`` came first.
    func opened(_ io: HubIO) -> Bool {
        let stopped = state.withLock { state in
            state.io = io
            return state.stopped
        }
        if stopped { io.close() }
        return !stopped
    }

    /// Closes the sockets, now or as soon as they are opened.
    func stop() {
        let io = state.withLock { state in
            state.stopped = true
            return state.io
        }
        io?.close()
    }

    func releaseDatabase() {
        state.withLock { $0.io }?.store.releaseLock()
    }
}
