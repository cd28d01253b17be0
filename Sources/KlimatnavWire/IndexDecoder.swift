import Foundation
import KlimatnavCore

/// The one `Decoder` of the codec: reads `Decodable` values straight from a ``JSONIndex``,
/// with the protocol's strict rules, and throws ``WireError``s itself: exact JSON types (an
/// integer field takes only an integer literal, without fraction or exponent, that fits),
/// no `null` for a value, party ids and string enums checked by type (`invalid-party-id`,
/// `unknown-value` with the allowed values), integers out of range (`invalid-value`).
///
/// One decoder object per body: it moves from value to value (``token``, ``codingPath``)
/// and marks every member asked for in ``IndexReadState``, whose ``IndexReadState/finish()``
/// then reports the first member no reader asked for.
final class IndexDecoder: Decoder {
    let state: IndexReadState
    /// The value being decoded.
    var token: Int
    var codingPath: [any CodingKey]

    /// The state's index, held here for quick access.
    let index: JSONIndex

    init(_ state: IndexReadState, token: Int = 0, codingPath: [any CodingKey] = []) {
        self.state = state
        index = state.index
        self.token = token
        self.codingPath = codingPath
    }

    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    /// Decodes a `T` from `token`, whose path is `path`.
    func decode<T: Decodable>(_ type: T.Type, at token: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        // The frequent leaves first, without an `Optional<T>` (its metadata is looked up per call).
        if T.self == String.self { return unsafeBitCast(try string(at: token, path: path), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, at: token, path: path), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try floatingPoint(Double.self, at: token, path: path), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: token, path: path), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try integer(UInt64.self, at: token, path: path), to: T.self) }
        if let leafType = T.self as? any IndexLeaf.Type { return try read(leafType, as: T.self, at: token, path: path) }
        if let value = try leaf(T.self, at: token, path: path) { return value as! T }
        let (savedToken, savedPath) = (self.token, codingPath)
        defer { (self.token, codingPath) = (savedToken, savedPath) }
        (self.token, codingPath) = (token, path())
        if index.tokens[token].kind == .object { state.visit(token) }
        return try T(from: self)
    }

    /// An ``IndexLeaf`` `L` that is `T`, read without a cast.
    private func read<L: IndexLeaf, T>(_ leaf: L.Type, as type: T.Type, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> T {
        unsafeBitCast(try L.read(self, at: token, path: path), to: T.self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard index.tokens[token].kind == .object else { throw mismatch("object", at: token, path: codingPath) }
        state.visit(token)
        return KeyedDecodingContainer(IndexKeyedContainer<Key>(decoder: self, object: token, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard index.tokens[token].kind == .array else { throw mismatch("array", at: token, path: codingPath) }
        return IndexUnkeyedContainer(decoder: self, array: token, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        IndexSingleContainer(decoder: self, token: token, codingPath: codingPath)
    }

    /// `wrong-type`: expected `expected` (a JSON type name), found what is at `token`.
    func mismatch(_ expected: String, at token: Int, path: [any CodingKey]) -> WireError {
        WireError(.wrongType, "expected \(expected), found \(index.kindName(token))", frame: 3, path: path.wirePath())
    }
}
