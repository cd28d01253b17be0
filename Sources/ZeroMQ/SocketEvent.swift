import CZeroMQ

/// One event of a monitored socket (``SocketMonitor``, libzmq's `zmq_socket_monitor`): a
/// connection made, refused or lost, or a security handshake that succeeded or failed.
public struct SocketEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened (`ZMQ_EVENT_*`).
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        init(_ value: Int32) { rawValue = UInt16(truncatingIfNeeded: value) }

        public static let connected = Kind(ZMQ_EVENT_CONNECTED)
        public static let connectDelayed = Kind(ZMQ_EVENT_CONNECT_DELAYED)
        public static let connectRetried = Kind(ZMQ_EVENT_CONNECT_RETRIED)
        public static let listening = Kind(ZMQ_EVENT_LISTENING)
        public static let bindFailed = Kind(ZMQ_EVENT_BIND_FAILED)
        public static let accepted = Kind(ZMQ_EVENT_ACCEPTED)
        public static let acceptFailed = Kind(ZMQ_EVENT_ACCEPT_FAILED)
        public static let closed = Kind(ZMQ_EVENT_CLOSED)
        public static let closeFailed = Kind(ZMQ_EVENT_CLOSE_FAILED)
        public static let disconnected = Kind(ZMQ_EVENT_DISCONNECTED)
        /// The last event: the monitored socket closed or stopped its monitor.
        public static let monitorStopped = Kind(ZMQ_EVENT_MONITOR_STOPPED)
        /// The peer went away during the security handshake (value: errno, often 0).
        public static let handshakeFailedNoDetail = Kind(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL)
        public static let handshakeSucceeded = Kind(ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
        /// The handshake broke the protocol (value: a ``ProtocolError`` code).
        public static let handshakeFailedProtocol = Kind(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL)
        /// The server's ZAP handler refused this peer (value: the ZAP status code, 300, 400 or 500).
        public static let handshakeFailedAuth = Kind(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH)

        private static let names: [Kind: String] = [
            .connected: "connected", .connectDelayed: "connect-delayed", .connectRetried: "connect-retried",
            .listening: "listening", .bindFailed: "bind-failed", .accepted: "accepted", .acceptFailed: "accept-failed",
            .closed: "closed", .closeFailed: "close-failed", .disconnected: "disconnected",
            .monitorStopped: "monitor-stopped", .handshakeFailedNoDetail: "handshake-failed",
            .handshakeSucceeded: "handshake-succeeded", .handshakeFailedProtocol: "handshake-failed-protocol",
            .handshakeFailedAuth: "handshake-failed-auth",
        ]

        public var description: String { Kind.names[self] ?? "event-0x\(String(rawValue, radix: 16))" }
    }

    /// `ZMQ_PROTOCOL_ERROR_*` values of ``Kind/handshakeFailedProtocol``.
    public enum ProtocolError {
        /// The two sides use different security mechanisms (one CURVE, the other NULL).
        public static let mechanismMismatch = UInt32(ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH)
        /// A box did not open: the keys do not match.
        public static let cryptographic = UInt32(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC)
    }

    public var kind: Kind
    /// A file descriptor (connected, accepted, listening, closed, disconnected), an errno
    /// (delays and failures), the reconnect interval in ms (connect-retried), a
    /// ``ProtocolError`` code or a ZAP status code (see ``Kind``).
    public var value: UInt32
    /// The endpoint the event is about.
    public var endpoint: String

    public init(kind: Kind, value: UInt32, endpoint: String) {
        self.kind = kind
        self.value = value
        self.endpoint = endpoint
    }

    /// Decodes libzmq's two frames: 2 bytes of event number and 4 of value (host order), then
    /// the endpoint. `nil` for anything else.
    init?(frames: [[UInt8]]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        let head = frames[0]
        kind = Kind(rawValue: head.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt16.self) })
        value = head.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 2, as: UInt32.self) }
        endpoint = String(decoding: frames[1], as: UTF8.self)
    }

    public var description: String { "\(kind) \(value) \(endpoint)" }
}
