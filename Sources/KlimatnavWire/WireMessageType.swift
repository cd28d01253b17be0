import KlimatnavCore

/// The control message types (frame 1, upper case). Domain messages use the event names of
/// `DomainEvent.names` (lower case) instead.
public enum WireMessageType: String, Sendable, CaseIterable {
    case hello = "HELLO"
    case welcome = "WELCOME"
    case ack = "ACK"
    case nack = "NACK"
    case heartbeat = "HEARTBEAT"
    case snapshotRequest = "SNAPSHOT-REQUEST"
    case snapshot = "SNAPSHOT"
    case delta = "DELTA"
    case gap = "GAP"

    /// Every token valid in frame 1: the control types, then the domain event names.
    public static let allTokens: [String] = allCases.map(\.rawValue) + DomainEvent.names
}
