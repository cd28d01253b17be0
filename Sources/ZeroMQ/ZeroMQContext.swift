import CZeroMQ
import Synchronization

/// A libzmq context: the container for sockets, their I/O threads and `inproc` endpoints.
///
/// A context is thread-safe and can be shared freely; `inproc://` endpoints work between any
/// sockets of the same context (a ZAP handler on `inproc://zeromq.zap.01` must live in the
/// context of the sockets it authenticates).
///
/// Shut down explicitly with ``shutdown()``. Deinitialisation never terminates the context,
/// because `zmq_ctx_term` blocks while sockets are open; a context that was never shut down
/// is leaked on purpose.
public final class ZeroMQContext: @unchecked Sendable {
    /// The `void *` handle. Immutable; libzmq contexts are thread-safe until terminated.
    private let handle: UnsafeMutableRawPointer
    /// Whether ``shutdown()`` has begun.
    private let state = Mutex(false)
    /// Whether `zmq_ctx_term` has run (the handle is freed). Held while creating sockets so
    /// that no socket is ever created on a freed context.
    private let terminated = Mutex(false)

    /// Creates a context.
    /// - Parameter ioThreads: the number of libzmq background I/O threads (`ZMQ_IO_THREADS`).
    /// - Throws: ``ZeroMQError`` when libzmq cannot create a context.
    public init(ioThreads: Int = 1) throws {
        guard let handle = zmq_ctx_new() else { throw ZeroMQError.current("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1 {
            guard zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(clamping: ioThreads)) == 0 else {
                let error = ZeroMQError.current("zmq_ctx_set(ZMQ_IO_THREADS)")
                zmq_ctx_term(handle)
                throw error
            }
        }
    }

    /// Whether ``shutdown()`` has been called.
    public var isShutDown: Bool { state.withLock { $0 } }

    /// Shuts the context down and terminates it.
    ///
    /// Every blocking call on a socket of this context returns `ETERM` at once (each
    /// ``AsyncSocket`` then closes its socket and finishes its stream), then this call blocks
    /// until every socket is closed, each flushing for at most its `linger`. Call it off the
    /// Swift cooperative pool, or after closing every plain ``Socket`` yourself.
    /// Calling it again does nothing.
    public func shutdown() {
        let first = state.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        zmq_ctx_shutdown(handle)
        terminated.withLock { terminated in
            while zmq_ctx_term(handle) != 0 && czmq_errno() == czmq_EINTR() {}
            terminated = true
        }
    }

    /// Creates a libzmq socket, or fails with `ETERM` once the context is terminated.
    func makeSocket(_ type: Int32) throws -> UnsafeMutableRawPointer {
        try terminated.withLock { terminated in
            guard !terminated else { throw ZeroMQError(operation: "zmq_socket", code: czmq_ETERM()) }
            guard let socket = zmq_socket(handle, type) else { throw ZeroMQError.current("zmq_socket") }
            return socket
        }
    }
}
