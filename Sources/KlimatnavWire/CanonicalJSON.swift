/// Canonical JSON text of `Encodable` values, byte for byte what Foundation's `JSONEncoder`
/// writes with `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` and its default
/// strategies (`Date` as seconds since 2001, `Data` as Base64, `URL` as its absolute
/// string), written by ``JSONWriter`` without `JSONEncoder`'s intermediate values.
/// (`Decimal`, which `JSONEncoder` writes as a number, is written here in its own `Codable`
/// form; no type of this package encodes one.)
public enum CanonicalJSON {
    /// The text of `value`. Throws `EncodingError.invalidValue` for a non-finite number or
    /// a top-level value that encodes nothing, as `JSONEncoder` does.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try JSONWriter.write(value, limits: nil)
    }
}
