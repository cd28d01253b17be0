/// Canonical JSON text of `Encodable` values, byte for byte what Foundation's `JSONEncoder`
/// writes with `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` and its default
/// strategies (`Date` as seconds since 2001, `Data` as Base64, `URL` as its absolute
/// string), but without its intermediate dictionaries: an ``EncodingNode`` tree that
/// ``CanonicalJSONWriter`` writes out. (`Decimal`, which `JSONEncoder` writes as a number,
/// is written here in its own `Codable` form; no type of this package encodes one.)
public enum CanonicalJSON {
    /// The text of `value`. Throws `EncodingError.invalidValue` for a non-finite number or
    /// a top-level value that encodes nothing, as `JSONEncoder` does.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try CanonicalJSONWriter.write(tree(value), limits: nil)
    }

    /// The tree of `value`, to write.
    static func tree<T: Encodable>(_ value: T) throws -> EncodingNode {
        let root = EncodingNode()
        try TreeEncoder.encode(value, into: root)
        guard root.kind != .unset else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return root
    }
}
