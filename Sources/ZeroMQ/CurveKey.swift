/// A 32-byte CURVE key (public or secret), convertible to and from its 40-character Z85 text.
///
/// `description` never prints the key itself, so a secret key logged by accident stays secret.
public struct CurveKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 raw key bytes.
    public let bytes: [UInt8]

    /// Creates a key from 32 raw bytes.
    /// - Throws: ``ZeroMQError`` with `EINVAL` when `bytes` is not 32 bytes long.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else {
            throw ZeroMQError(operation: "CurveKey(bytes:)", code: ZeroMQError.invalidArgument.code)
        }
        self.bytes = bytes
    }

    /// Creates a key from its 40-character Z85 text.
    /// - Throws: ``ZeroMQError`` with `EINVAL` when the text is not 40 valid Z85 characters.
    public init(z85: String) throws {
        guard z85.utf8.count == 40 else {
            throw ZeroMQError(operation: "CurveKey(z85:)", code: ZeroMQError.invalidArgument.code)
        }
        self.bytes = try ZeroMQ.z85Decode(z85)
    }

    /// The key as 40 characters of Z85 text.
    public var z85: String {
        // 32 bytes always encode; the force is safe.
        try! ZeroMQ.z85Encode(bytes)
    }

    public var description: String { "CurveKey(32 bytes)" }
}
