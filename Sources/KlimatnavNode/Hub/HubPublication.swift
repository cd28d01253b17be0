import KlimatnavCore
import KlimatnavWire

/// Something the hub publishes on PUB after a commit.
enum HubPublication: Sendable {
    /// A DELTA that forwards the accepted domain message's validated body bytes
    /// (``WireCodec/encodeDelta(stateSequence:by:event:body:)``), not encoded again.
    case delta(stateSequence: UInt64, by: PartyID, event: String, body: [UInt8])
    /// Any other message (GAP), encoded when published.
    case message(WireMessage)

    /// Its state sequence (frame 2).
    var stateSequence: UInt64 {
        switch self {
        case .delta(let stateSequence, _, _, _): stateSequence
        case .message(let message): message.sequence
        }
    }

    /// Its frames. A DELTA whose forwarded body would break a limit (the DELTA's framing adds
    /// bytes and a level of nesting) is decoded and encoded afresh in canonical form: rare
    /// enough that the hub keeps only the body, not the decoded event, for every message.
    func frames() throws(WireError) -> [[UInt8]] {
        switch self {
        case .delta(let stateSequence, let by, let event, let body):
            do {
                return try WireCodec.encodeDelta(stateSequence: stateSequence, by: by, event: event, body: body)
            } catch {
                // Read as a domain message numbered 1: only its event matters here.
                let message = try WireCodec.decodeDomain(event: event, sequence: 1, body: body)
                return try WireCodec.encode(.delta(Delta(stateSequence: stateSequence, by: by, event: message.event)))
            }
        case .message(let message):
            return try WireCodec.encode(message)
        }
    }
}
