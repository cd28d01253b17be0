import KlimatnavWire

/// Something the hub publishes on PUB after a commit.
enum HubPublication: Sendable {
    /// A DELTA that forwards the accepted domain message's validated body bytes
    /// (``WireCodec/encodeDelta(stateSequence:by:event:body:)``), not encoded again.
    case delta(Delta, body: [UInt8])
    /// Any other message (GAP), encoded when published.
    case message(WireMessage)

    /// Its state sequence (frame 2).
    var stateSequence: UInt64 {
        switch self {
        case .delta(let delta, _): delta.stateSequence
        case .message(let message): message.sequence
        }
    }

    /// Its frames. A DELTA whose forwarded body would break a limit is encoded afresh.
    func frames() throws(WireError) -> [[UInt8]] {
        switch self {
        case .delta(let delta, let body):
            do {
                return try WireCodec.encodeDelta(
                    stateSequence: delta.stateSequence, by: delta.by, event: delta.event.name, body: body)
            } catch {
                return try WireCodec.encode(.delta(delta))
            }
        case .message(let message):
            return try WireCodec.encode(message)
        }
    }
}
