import ZeroMQ

/// Whether the dashboard's live feed receives the hub's PUB socket, and if not, why.
public struct FeedStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// No `--hub`: there is no live feed.
        case none
        /// Not connected yet, no answer either way.
        case connecting
        /// The security handshake with the hub succeeded; events arrive.
        case connected
        /// The connection was lost or the hub does not listen (ZeroMQ keeps retrying).
        case disconnected
        /// The hub answered but refused this subscriber (see ``Refusal``); retried too.
        case refused
    }

    /// Why the hub refused the subscriber.
    public enum Refusal: Sendable, Hashable {
        /// The hub's ZAP handler refused the key (its status code, normally 400): the key's
        /// `.pub` file is not in the hub's keys directory.
        case keyNotAuthorized(zapStatus: UInt32)
        /// One side uses CURVE and the other does not.
        case mechanismMismatch
        /// The hub closed the connection during the handshake: with CURVE, the hub key given
        /// is not this hub's public key.
        case closedDuringHandshake
        /// Any other protocol error in the handshake (`ZMQ_PROTOCOL_ERROR_*`).
        case protocolError(UInt32)
    }

    public var state: State
    public var refusal: Refusal?
    /// Why it is not connected, in English (logs, the badge's tooltip, `/events`).
    public var detail: String?

    public static let none = FeedStatus(state: .none, detail: "no hub given (--hub)")
    public static let connecting = FeedStatus(state: .connecting, detail: "connecting to the hub")
    public static let connected = FeedStatus(state: .connected)

    public init(state: State, refusal: Refusal? = nil, detail: String? = nil) {
        self.state = state
        self.refusal = refusal
        self.detail = detail
    }

    /// The status after `event`, or `nil` when the event changes nothing.
    func after(_ event: SocketEvent) -> FeedStatus? {
        switch event.kind {
        case .handshakeSucceeded:
            return .connected
        case .handshakeFailedAuth:
            return FeedStatus(
                state: .refused, refusal: .keyNotAuthorized(zapStatus: event.value),
                detail: "the hub refused this subscriber's key (ZAP status \(event.value))")
        case .handshakeFailedProtocol where event.value == SocketEvent.ProtocolError.mechanismMismatch:
            return FeedStatus(
                state: .refused, refusal: .mechanismMismatch,
                detail: "security mismatch: one side uses CURVE, the other does not")
        case .handshakeFailedProtocol:
            return FeedStatus(
                state: .refused, refusal: .protocolError(event.value),
                detail: "the handshake with the hub failed (protocol error 0x\(String(event.value, radix: 16)))")
        case .handshakeFailedNoDetail:
            return FeedStatus(
                state: .refused, refusal: .closedDuringHandshake,
                detail: "the hub closed the connection during the handshake (wrong hub key?)")
        case .disconnected where state == .connected:
            return FeedStatus(state: .disconnected, detail: "the connection to the hub was lost; reconnecting")
        case .connectRetried where state != .refused:
            return FeedStatus(state: .disconnected, detail: "the hub does not answer at \(event.endpoint); retrying")
        default:
            return nil
        }
    }
}
