import KlimatnavWire

/// What became of a message a node sent: acknowledged (stored by the hub), or refused.
public enum Delivery: Sendable, Hashable {
    /// The hub stored the message; `stateSequence` is the state version it produced (absent
    /// when the hub answered a resend of an already stored message).
    case acknowledged(sequence: UInt64, stateSequence: UInt64?)
    /// The hub refused the message, with the error code and reason from its NACK.
    case refused(sequence: UInt64, code: WireError.Code, reason: String)

    public var isAcknowledged: Bool {
        if case .acknowledged = self { return true }
        return false
    }
}
