import CZeroMQ

/// Library-wide facts and helpers: version, capabilities, CURVE keys and Z85.
public enum ZeroMQ {
    /// The libzmq version linked at run time, for example `(4, 3, 4)`.
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// Whether libzmq was built with a capability: `"curve"`, `"ipc"`, `"pgm"`, `"draft"`, ...
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) == 1
    }

    /// Generates a new CURVE key pair (needs libzmq built with libsodium: `has("curve")`).
    /// - Throws: ``ZeroMQError`` with `ENOTSUP` when CURVE is not available.
    public static func curveKeypair() throws -> (publicKey: CurveKey, secretKey: CurveKey) {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else {
            throw ZeroMQError.current("zmq_curve_keypair")
        }
        let publicKey = try CurveKey(z85: String(nulTerminated: publicText))
        let secretKey = try CurveKey(z85: String(nulTerminated: secretText))
        return (publicKey, secretKey)
    }

    /// Derives the CURVE public key of a secret key.
    public static func curvePublicKey(for secretKey: CurveKey) throws -> CurveKey {
        var publicText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicText, secretKey.z85) == 0 else {
            throw ZeroMQError.current("zmq_curve_public")
        }
        return try CurveKey(z85: String(nulTerminated: publicText))
    }

    /// Encodes bytes as Z85 text (RFC 32). The byte count must be a multiple of 4.
    /// - Throws: ``ZeroMQError`` with `EINVAL` when it is not.
    public static func z85Encode(_ bytes: [UInt8]) throws -> String {
        guard bytes.count % 4 == 0 else {
            throw ZeroMQError(operation: "zmq_z85_encode", code: czmq_EINVAL())
        }
        var text = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        let result = bytes.withUnsafeBufferPointer { buffer in
            zmq_z85_encode(&text, buffer.baseAddress, buffer.count)
        }
        guard result != nil else { throw ZeroMQError.current("zmq_z85_encode") }
        return String(nulTerminated: text)
    }

    /// Decodes Z85 text (RFC 32). The text length must be a multiple of 5.
    /// - Throws: ``ZeroMQError`` with `EINVAL` for a bad length or character.
    public static func z85Decode(_ text: String) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count % 5 == 0, utf8.allSatisfy({ $0 > 32 && $0 < 128 }) else {
            throw ZeroMQError(operation: "zmq_z85_decode", code: czmq_EINVAL())
        }
        var bytes = [UInt8](repeating: 0, count: utf8.count * 4 / 5)
        guard zmq_z85_decode(&bytes, text) != nil else {
            throw ZeroMQError(operation: "zmq_z85_decode", code: czmq_EINVAL())
        }
        return bytes
    }
}
