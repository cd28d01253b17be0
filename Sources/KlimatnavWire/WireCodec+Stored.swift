import KlimatnavCore

extension WireCodec {
    /// The domain message of a stored or forwarded body: the event `name` (frame 1), the
    /// header `sequence` and the body bytes (frame 3), with every check ``decode(frames:)``
    /// makes on them, without building frames. `name` must be one of `DomainEvent.names`
    /// (`unknown-type`, frame 1, otherwise).
    public static func decodeDomain(event name: String, sequence: UInt64, body: [UInt8]) throws(WireError) -> DomainMessage {
        guard DomainEvent.names.contains(name) else {
            throw WireError(
                .unknownType, "'\(name)' is not a domain event; expected one of \(DomainEvent.names.joined(separator: ", "))", frame: 1)
        }
        guard body.count <= WireLimits.maxBodyBytes else {
            throw WireError(.frameTooLarge, "body is \(body.count) bytes, limit \(WireLimits.maxBodyBytes)", frame: 3)
        }
        let message = try decodeBody(type: name, sequence: sequence, body: body)
        try message.validate()
        guard case .domain(let domain) = message else {
            throw WireError(.internalError, "the event '\(name)' did not decode as a domain message", frame: 1)
        }
        return domain
    }

    /// The sequence in frame 2 (no routing id before frame 0) of a message, even one that
    /// failed to decode; `nil` when there is no frame 2 of 8 bytes.
    public static func sequence(inHeader frames: [[UInt8]]) -> UInt64? {
        guard frames.count > 2, frames[2].count == WireLimits.headerLength else { return nil }
        return frames[2].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The four frames of a domain message whose body is already encoded (a node's outbox
    /// record, sent again after a restart). The body is not checked again: it was written by
    /// ``encode(_:)`` when the message was first queued.
    public static func frames(event name: String, sequence: UInt64, body: [UInt8]) -> [[UInt8]] {
        [frame0, Array(name.utf8), header(sequence), body]
    }

    /// Whether a message that failed to decode uses up its sender sequence (section 7.2, when
    /// it is the expected one): only a domain message whose frames 0-2 are valid, refused for
    /// its body or its frame count. Another protocol's bytes, an unknown type or a bad header
    /// say nothing about the node's numbering, and HEARTBEAT and SNAPSHOT-REQUEST use none.
    public static func usesSenderSequence(_ frames: [[UInt8]], refusedWith error: WireError) -> Bool {
        guard frames.count > 2, frames[0] == frame0, frames[2].count == WireLimits.headerLength,
            DomainEvent.names.contains(String(decoding: frames[1], as: UTF8.self))
        else { return false }
        return error.frame == 3 || error.code == .extraFrame
    }
}
