import KlimatnavCore

/// One Klimatnav wire message (protocol version 1). ``WireCodec`` turns it into frames and back.
public enum WireMessage: Hashable, Sendable {
    case hello(Hello)
    case welcome(Welcome)
    /// A domain message: one `DomainEvent` from a node.
    case domain(DomainMessage)
    case ack(Ack)
    case nack(Nack)
    case heartbeat(Heartbeat)
    case snapshotRequest(SnapshotRequest)
    case snapshot(Snapshot)
    case delta(Delta)
    case gap(GapMessage)

    /// The message-type token in frame 1 (`HELLO`, `goal`, `SNAPSHOT-REQUEST`, ...).
    public var type: String {
        switch self {
        case .hello: WireMessageType.hello.rawValue
        case .welcome: WireMessageType.welcome.rawValue
        case .domain(let message): message.event.name
        case .ack: WireMessageType.ack.rawValue
        case .nack: WireMessageType.nack.rawValue
        case .heartbeat: WireMessageType.heartbeat.rawValue
        case .snapshotRequest: WireMessageType.snapshotRequest.rawValue
        case .snapshot: WireMessageType.snapshot.rawValue
        case .delta: WireMessageType.delta.rawValue
        case .gap: WireMessageType.gap.rawValue
        }
    }

    /// The sequence number in frame 2; what it counts depends on the type (see the spec).
    public var sequence: UInt64 {
        switch self {
        case .hello(let hello): hello.lastSequence
        case .welcome(let welcome): welcome.nextSequence
        case .domain(let message): message.sequence
        case .ack(let ack): ack.sequence
        case .nack(let nack): nack.sequence
        case .heartbeat(let heartbeat): heartbeat.sequence
        case .snapshotRequest(let request): request.knownStateSequence
        case .snapshot(let snapshot): snapshot.stateSequence
        case .delta(let delta): delta.stateSequence
        case .gap(let gap): gap.stateSequence
        }
    }
}
