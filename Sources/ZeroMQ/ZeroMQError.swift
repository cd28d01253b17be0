import CZeroMQ

/// An error reported by libzmq: the operation that failed and the `errno` it set.
///
/// Two errors are equal when their codes are equal, so tests and callers can compare against
/// the static members (`error == .wouldBlock`) without caring which operation failed.
public struct ZeroMQError: Error, Sendable, CustomStringConvertible {
    /// The libzmq call or wrapper operation that failed, for example `"zmq_bind"`.
    public let operation: String
    /// The `errno` value.
    public let code: Int32
    /// The symbolic name of ``code``, for example `"EAGAIN"`, or `"errno <n>"` when unknown.
    public let name: String
    /// The text `zmq_strerror` gives for ``code``.
    public let message: String

    /// Creates an error for `operation` from an explicit `errno` value.
    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
        if let cName = czmq_errno_name(code) {
            self.name = String(cString: cName)
        } else {
            self.name = "errno \(code)"
        }
        self.message = String(cString: zmq_strerror(code))
    }

    /// Creates an error for `operation` from the calling thread's current `errno`.
    static func current(_ operation: String) -> ZeroMQError {
        ZeroMQError(operation: operation, code: czmq_errno())
    }

    public var description: String {
        "\(operation) failed: \(name) (\(message))"
    }

    /// `EAGAIN`: a non-blocking operation could not complete now, or a timeout expired.
    public static let wouldBlock = ZeroMQError(operation: "", code: czmq_EAGAIN())
    /// `ETERM`: the context was shut down.
    public static let contextTerminated = ZeroMQError(operation: "", code: czmq_ETERM())
    /// `EINVAL`: an invalid argument.
    public static let invalidArgument = ZeroMQError(operation: "", code: czmq_EINVAL())
    /// `EHOSTUNREACH`: a ROUTER with `routerMandatory` had no peer with the routing id.
    public static let hostUnreachable = ZeroMQError(operation: "", code: czmq_EHOSTUNREACH())
    /// `ENOTSUP`: the operation is not supported by this socket type.
    public static let notSupported = ZeroMQError(operation: "", code: czmq_ENOTSUP())
    /// `EFSM`: the operation is not allowed in the socket's current state (REQ/REP order).
    public static let invalidState = ZeroMQError(operation: "", code: czmq_EFSM())
}

extension ZeroMQError: Equatable {
    public static func == (lhs: ZeroMQError, rhs: ZeroMQError) -> Bool {
        lhs.code == rhs.code
    }
}

extension ZeroMQError {
    /// The error an ``AsyncSocket`` reports for work that was pending when it closed.
    public static func socketClosed(_ operation: String) -> ZeroMQError {
        ZeroMQError(operation: operation, code: czmq_ETERM())
    }
}
