import CZeroMQ

/// A ZeroMQ socket: the synchronous, single-threaded API.
///
/// A `Socket` is not thread-safe and not `Sendable`: use it from one thread for its whole
/// life (it may be handed over once, as ``AsyncSocket`` does). Blocking calls
/// (``send(_:)``, ``receive()``) block the calling thread, so never call them on the Swift
/// cooperative pool; use ``AsyncSocket`` from async code.
///
/// ``close()`` is idempotent and also runs on deinitialisation. Set ``SocketOption/linger``
/// before closing when pending messages should not hold up ``ZeroMQContext/shutdown()``.
public final class Socket {
    /// The context the socket belongs to (kept alive by the socket).
    public let context: ZeroMQContext
    /// The socket's pattern.
    public let type: SocketType
    /// Whether the socket reads the `Peer-Address` property of every message it receives.
    /// Off by default because it costs a string per message. `User-Id` needs no switch: it
    /// is read whenever a ZAP handler can have set it (see ``authenticatesPeers``).
    public var readsPeerAddress = false
    /// Further message properties (`zmq_msg_gets` names) read from every received message
    /// into ``ReceivedMessage/properties``, for example metadata set by a ``ZAPHandler``.
    public var readsProperties: [String] = []

    /// Whether libzmq asks a ZAP handler about this socket's peers, so that received
    /// messages can carry a `User-Id`: the socket has a security mechanism (CURVE) or a
    /// ``SocketOption/zapDomain``. Re-read after every ``set(_:_:)``. Without either, libzmq
    /// 4.3 never consults a handler, so ``ReceivedMessage/userId`` is `nil` and receiving
    /// skips the per-message metadata lookups.
    public private(set) var authenticatesPeers = false

    private(set) var handle: UnsafeMutableRawPointer?
    /// One reusable `zmq_msg_t` at a stable address (libzmq keeps small messages inline).
    let message: UnsafeMutablePointer<zmq_msg_t>

    /// Creates a socket of `type` in `context`.
    /// - Throws: ``ZeroMQError`` (`ETERM` after the context shut down, `EMFILE`, ...).
    public init(_ context: ZeroMQContext, type: SocketType) throws {
        let handle = try context.makeSocket(type.rawValue)
        self.context = context
        self.type = type
        self.handle = handle
        self.message = .allocate(capacity: 1)
    }

    deinit {
        close()
        message.deallocate()
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { handle == nil }

    /// Closes the socket. Pending outbound messages are flushed in the background for at
    /// most ``SocketOption/linger``. Calling it again does nothing.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        zmq_close(handle)
    }

    func open(_ operation: String) throws -> UnsafeMutableRawPointer {
        guard let handle else { throw ZeroMQError(operation: operation, code: czmq_ENOTSOCK()) }
        return handle
    }

    // MARK: Endpoints

    /// Binds to `endpoint`: `tcp://127.0.0.1:5555`, `tcp://127.0.0.1:*` (any free port,
    /// read it back from ``lastEndpoint``), `ipc:///tmp/x.sock`, `inproc://name`.
    /// - Throws: ``ZeroMQError`` (`EADDRINUSE`, `EPROTONOSUPPORT`, `EINVAL`, ...).
    public func bind(_ endpoint: String) throws {
        guard zmq_bind(try open("zmq_bind"), endpoint) == 0 else {
            throw ZeroMQError.current("zmq_bind(\(endpoint))")
        }
    }

    /// Connects to `endpoint`; the connection is made (and remade) in the background.
    public func connect(_ endpoint: String) throws {
        guard zmq_connect(try open("zmq_connect"), endpoint) == 0 else {
            throw ZeroMQError.current("zmq_connect(\(endpoint))")
        }
    }

    /// Stops listening on an endpoint given to ``bind(_:)`` (use the resolved endpoint).
    public func unbind(_ endpoint: String) throws {
        guard zmq_unbind(try open("zmq_unbind"), endpoint) == 0 else {
            throw ZeroMQError.current("zmq_unbind(\(endpoint))")
        }
    }

    /// Drops a connection made with ``connect(_:)``.
    public func disconnect(_ endpoint: String) throws {
        guard zmq_disconnect(try open("zmq_disconnect"), endpoint) == 0 else {
            throw ZeroMQError.current("zmq_disconnect(\(endpoint))")
        }
    }

    /// The endpoint last bound, with a wildcard port resolved (`tcp://127.0.0.1:41234`).
    public var lastEndpoint: String? {
        (try? get(.lastEndpoint)).flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: Options

    /// Sets an option. Most options apply only to later `bind`/`connect` calls.
    public func set<Value>(_ option: SocketOption<Value>, _ value: Value) throws {
        let result = option.write(try open("zmq_setsockopt"), option.code, value)
        if result == -2 {
            throw ZeroMQError(operation: "zmq_setsockopt(\(option.name))", code: czmq_EINVAL())
        }
        guard result == 0 else { throw ZeroMQError.current("zmq_setsockopt(\(option.name))") }
        authenticatesPeers = try get(.mechanism) != Int(ZMQ_NULL) || !get(.zapDomain).isEmpty
    }

    /// Reads an option.
    public func get<Value>(_ option: SocketOption<Value>) throws -> Value {
        guard let value = option.read(try open("zmq_getsockopt"), option.code) else {
            throw ZeroMQError.current("zmq_getsockopt(\(option.name))")
        }
        return value
    }

    /// Subscribes a SUB socket to messages whose first frame starts with `prefix`
    /// (empty: everything).
    public func subscribe(_ prefix: [UInt8] = []) throws {
        try set(.bytes("ZMQ_SUBSCRIBE", ZMQ_SUBSCRIBE), prefix)
    }

    /// Subscribes to the UTF-8 bytes of `prefix`.
    public func subscribe(_ prefix: String) throws {
        try subscribe(Array(prefix.utf8))
    }

    /// Removes one earlier subscription to `prefix`.
    public func unsubscribe(_ prefix: [UInt8] = []) throws {
        try set(.bytes("ZMQ_UNSUBSCRIBE", ZMQ_UNSUBSCRIBE), prefix)
    }

    /// Removes one earlier subscription to the UTF-8 bytes of `prefix`.
    public func unsubscribe(_ prefix: String) throws {
        try unsubscribe(Array(prefix.utf8))
    }
}
