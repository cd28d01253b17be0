import KlimatnavCore

/// NACK (hub → node): the message with ``sequence`` was not applied, and why.
public struct Nack: Codable, Hashable, Sendable {
    /// Header: the rejected sender sequence number (0 when it could not be read).
    public var sequence: UInt64 = 0
    public var code: WireError.Code
    /// A sentence for people; never parsed by programs.
    public var reason: String
    /// The offending frame (0-3), if any.
    public var frame: Int?
    /// The offending field, for example `body.targetYear`, if any.
    public var path: String?
    /// With `sequence-gap`: the sequence the hub expects next.
    public var expectedSequence: UInt64?

    public init(
        sequence: UInt64, code: WireError.Code, reason: String, frame: Int? = nil, path: String? = nil,
        expectedSequence: UInt64? = nil
    ) {
        self.sequence = sequence
        self.code = code
        // Always encodable, so every bad input gets its answer (section 6.3): texts within
        // the string limit, and `frame` only when it names one of frames 0-3.
        self.reason = reason.clipped(toBytes: WireLimits.maxStringBytes)
        self.frame = frame.flatMap { (0...3).contains($0) ? $0 : nil }
        self.path = path?.clipped(toBytes: WireLimits.maxStringBytes)
        self.expectedSequence = expectedSequence
    }

    /// The NACK a hub sends for a codec or state error.
    public init(sequence: UInt64, error: WireError) {
        self.init(sequence: sequence, code: error.code, reason: error.message, frame: error.frame, path: error.path)
    }

    private enum CodingKeys: String, CodingKey { case code, reason, frame, path, expectedSequence }
}
