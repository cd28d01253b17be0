import KlimatnavCore

/// Encodes ``WireMessage``s to ZeroMQ frames and decodes frames back, strictly, as
/// `Protocols/klimatnav-wire-v1.md` specifies. Pure: no I/O, no state, never traps on input.
///
/// Frames never include the routing-id frame a ROUTER socket adds or needs: strip it before
/// ``decode(frames:)`` and put it before ``encode(_:)``'s frames when replying.
public enum WireCodec {
    /// Frame 0 of every message: ASCII `KNAV` and the version byte 0x01.
    public static let frame0: [UInt8] = WireLimits.signature + [WireLimits.version]

    /// The four frames of `message`.
    ///
    /// Throws when the message could not be decoded by a receiver (a field over the limits,
    /// a non-finite number, a sequence of 0 on a domain message, ...): what this codec sends,
    /// it also accepts.
    ///
    /// The body is written by ``JSONWriter`` with the receiver's checks that can fail on this
    /// codec's own output (the body size limit, the field limits, nesting depth), and the
    /// message with the header and value rules of ``WireMessage/validate()``; what is skipped,
    /// a parse and the typed decode, cannot fail on the canonical text of the same `Codable`
    /// types. Debug builds (and so every test) still run the full ``decode(frames:)``.
    ///
    /// Goal and ACK bodies, the hot ones, are written without `Codable` (``GoalBodyWriter``,
    /// ``AckBodyWriter``): the same bytes, or ``JSONWriter`` when a value is out of what they handle.
    public static func encode(_ message: WireMessage) throws(WireError) -> [[UInt8]] {
        let limits = BodyLimits.of(type: message.type)
        let body: [UInt8] =
            switch message {
            case .hello(let hello): try BodyCoder.encode(hello, limits: limits)
            case .welcome(let welcome): try BodyCoder.encode(welcome, limits: limits)
            case .domain(let domain): try domainBody(domain.event, limits: limits)
            case .ack(let ack): try ackBody(ack, limits: limits)
            case .nack(let nack): try BodyCoder.encode(nack, limits: limits)
            case .heartbeat(let heartbeat): try BodyCoder.encode(heartbeat, limits: limits)
            case .snapshotRequest(let request): try BodyCoder.encode(request, limits: limits)
            case .snapshot(let snapshot): try BodyCoder.encode(snapshot, limits: limits)
            case .delta(let delta): try BodyCoder.encode(delta, limits: limits)
            case .gap(let gap): try BodyCoder.encode(gap, limits: limits)
            }
        let frames = [frame0, Array(message.type.utf8), header(message.sequence), body]
        #if DEBUG
        // Debug builds (and so every test) also prove the round trip in full.
        _ = try decode(frames: frames)
        #endif
        try message.validate()
        return frames
    }

    /// The body of a domain message: goals (the most frequent) through ``GoalBodyWriter``,
    /// the other events, and goals it leaves to the generic encoder, through ``BodyCoder``.
    static func domainBody(_ event: DomainEvent, limits: BodyLimits) throws(WireError) -> [UInt8] {
        if case .goalAsserted(let goal) = event, let body = GoalBodyWriter.write(goal, limits: limits) { return body }
        return try BodyCoder.encode(DomainBody(event), limits: limits)
    }

    /// The body of an ACK (the hub sends one per domain message), through ``AckBodyWriter``.
    static func ackBody(_ ack: Ack, limits: BodyLimits) throws(WireError) -> [UInt8] {
        if let body = AckBodyWriter.write(ack, limits: limits) { return body }
        return try BodyCoder.encode(ack, limits: limits)
    }

    /// The message in `frames` (frame 0 first; no routing id), or the first problem found,
    /// in the order the spec lists the checks.
    public static func decode(frames: [[UInt8]]) throws(WireError) -> WireMessage {
        try checkSignature(frames)
        guard frames.count >= WireLimits.frameCount else {
            throw WireError(.missingFrame, "message has \(frames.count) frames, expected 4", frame: frames.count)
        }
        guard frames.count == WireLimits.frameCount else {
            // No `frame`: KNAV/1 has no frame 4 to point at (section 6.3).
            throw WireError(.extraFrame, "message has \(frames.count) frames, expected 4")
        }
        let type = try messageType(frames[1])
        guard frames[2].count == WireLimits.headerLength else {
            throw WireError(.badHeader, "frame 2 is \(frames[2].count) bytes, expected 8", frame: 2)
        }
        let sequence = frames[2].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let limit = type == WireMessageType.snapshot.rawValue ? WireLimits.maxSnapshotBodyBytes : WireLimits.maxBodyBytes
        guard frames[3].count <= limit else {
            throw WireError(.frameTooLarge, "body is \(frames[3].count) bytes, limit \(limit)", frame: 3)
        }
        let message = try decodeBody(type: type, sequence: sequence, body: frames[3])
        try message.validate()
        return message
    }

    /// Frame 2: `sequence` as 8 bytes, big-endian.
    static func header(_ sequence: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: sequence >> (8 * UInt64($0))) }
    }

    private static func checkSignature(_ frames: [[UInt8]]) throws(WireError) {
        guard let first = frames.first else { throw WireError(.missingFrame, "message has no frames", frame: 0) }
        guard first.count >= 4, Array(first.prefix(4)) == WireLimits.signature else {
            throw WireError(.badSignature, "frame 0 does not start with 'KNAV'", frame: 0)
        }
        guard first.count == 5 else {
            throw WireError(.badSignature, "frame 0 is \(first.count) bytes, expected 5", frame: 0)
        }
        guard first[4] == WireLimits.version else {
            throw WireError(.unsupportedVersion, "version \(first[4]), this node speaks 1", frame: 0)
        }
    }

    private static func messageType(_ frame: [UInt8]) throws(WireError) -> String {
        guard frame.count <= WireLimits.maxTypeLength else {
            throw WireError(.frameTooLarge, "type is \(frame.count) bytes, limit \(WireLimits.maxTypeLength)", frame: 1)
        }
        let printable = frame.allSatisfy { (0x21...0x7E).contains($0) }
        let token = String(decoding: frame, as: UTF8.self)
        guard printable, WireMessageType.allTokens.contains(token) else {
            let shown = printable ? "'\(token)'" : "\(frame.count) bytes that are not printable ASCII"
            throw WireError(.unknownType, "unknown message type \(shown)", frame: 1)
        }
        return token
    }
}
