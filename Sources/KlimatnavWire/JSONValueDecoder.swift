/// Decodes `Decodable` values straight from a parsed ``JSONValue`` tree, in one pass, with
/// the protocol's strict rules: exact JSON types (an integer field takes only an integer
/// literal, without fraction or exponent, that fits the field's type), no `null` anywhere,
/// and no member that the type's `init(from:)` never asked for.
///
/// Errors are `DecodingError`s with the full coding path, for ``WireError/init(decoding:body:)``,
/// and, once the value is decoded, a ``WireError`` for the first member (in document order)
/// that no container asked for: `unknown-field`, or `wrong-type` for a `null` (an optional
/// field given `null` reads as absent and so is never asked for).
///
/// Asking for a member means `decode`, `decodeIfPresent`, `contains` or `decodeNil` (on a
/// member that is not `null`), a nested container or a `superDecoder(forKey:)`. Default
/// `JSONDecoder` strategies apply to the values it special-cases: `Data` as Base64, `URL`
/// as a string, `Date` as its own `Codable` form (seconds since 2001 as a number).
enum JSONValueDecoder {
    static func decode<T: Decodable>(
        _ type: T.Type, from tree: JSONValue, userInfo: [CodingUserInfoKey: Any] = [:]
    ) throws -> T {
        try decode(type, from: tree, ledger: ReadLedger(userInfo: userInfo))
    }

    /// Decodes with `ledger`, and empties it when done, whatever happens: the ledger and the
    /// decoders it registers reference each other, so without this every decoded body (tree,
    /// decoders, user info) would stay in memory for good.
    static func decode<T: Decodable>(_ type: T.Type, from tree: JSONValue, ledger: ReadLedger) throws -> T {
        defer { ledger.finish() }
        let value = try TreeDecoder(tree, ledger: ledger).decodeValue(T.self)
        try ledger.checkEveryMemberRead()
        return value
    }
}
