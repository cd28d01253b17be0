import Foundation

/// Writes `Encodable` values as canonical JSON, byte for byte as `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` does, straight into a ``JSONBuffer`` (no tree of
/// values): the one encoder of the wire bodies (``BodyCoder``, with the receiver's limits)
/// and of ``CanonicalJSON``. Its `Encoder` and containers share this one object per call.
final class JSONWriter {
    var buffer: JSONBuffer

    init(limits: BodyLimits?) { buffer = JSONBuffer(limits: limits) }

    /// The text of `value`. Throws `EncodingError` (a non-finite number, nothing encoded) or
    /// the first ``WireError`` a receiver would find (only with `limits`).
    static func write<T: Encodable>(_ value: T, limits: BodyLimits?) throws -> [UInt8] {
        let writer = JSONWriter(limits: limits)
        try writer.encode(value, depth: 0)
        try writer.buffer.check()
        return writer.buffer.bytes
    }

    /// Writes `value` inside the first `depth` frames.
    func encode<T: Encodable>(_ value: T, depth: Int) throws {
        if T.self == String.self { return buffer.string(value as! String, depth: depth) }
        if T.self == Int.self { return buffer.integer(value as! Int) }
        if T.self == Double.self { return try buffer.number(value as! Double, depth: depth) }
        if T.self == Bool.self { return buffer.literal(value as! Bool ? "true" : "false") }
        if T.self == Data.self { return buffer.string((value as! Data).base64EncodedString(), depth: depth) }
        if T.self == URL.self { return buffer.string((value as! URL).absoluteString, depth: depth) }
        let start = buffer.bytes.count
        try value.encode(to: WriterEncoder(writer: self, depth: depth))
        buffer.close(to: depth)
        guard buffer.bytes.count == start else { return }
        guard depth > 0 else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        _ = buffer.open(object: true, depth: depth)
        buffer.close(to: depth)
    }
}
