/// The keyed container of ``IndexDecoder``: finds members by comparing key bytes and marks
/// each one asked for (`decode`, `decodeIfPresent` or `contains` of a member that is not
/// `null`, a nested container, a `superDecoder`).
struct IndexKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: IndexDecoder
    let object: Int
    let codingPath: [any CodingKey]

    private var index: JSONIndex { decoder.index }

    var allKeys: [Key] { index.keys(of: object).compactMap { Key(stringValue: index.string($0)) } }

    /// The token of `key`'s key (its value is the next token), or `nil`.
    private func find(_ key: some CodingKey) -> Int? { decoder.index.member(key.stringValue, of: object) }

    /// The value token of `key`, marked as read; `missing-field` when there is none.
    private func required(_ key: Key) throws(WireError) -> Int {
        guard let found = find(key) else {
            throw WireError(.missingField, "required field missing", frame: 3, path: (codingPath + [key]).wirePath())
        }
        decoder.state.markRead(found)
        return found + 1
    }

    /// The value token of `key`, marked as read, unless it is absent or `null`.
    private func present(_ key: Key) -> Int? {
        guard let found = find(key), !decoder.isNull(found + 1) else { return nil }
        decoder.state.markRead(found)
        return found + 1
    }

    func contains(_ key: Key) -> Bool {
        guard let found = find(key) else { return false }
        if !decoder.isNull(found + 1) { decoder.state.markRead(found) }
        return true
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let found = find(key) else {
            throw WireError(.missingField, "required field missing", frame: 3, path: (codingPath + [key]).wirePath())
        }
        if decoder.isNull(found + 1) { return true }
        decoder.state.markRead(found)
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

    private func value<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decoder.decode(T.self, at: try required(key), path: codingPath + [key])
    }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try decoder.decode(T.self, at: value, path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try IndexDecoder(decoder.state, token: try required(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try IndexDecoder(decoder.state, token: try required(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { superDecoder(WireCodingKey.superKey) }

    func superDecoder(forKey key: Key) throws -> any Decoder { superDecoder(key) }

    /// A decoder of `key`'s member, marked as read; of `null` when there is none, as in `JSONDecoder`.
    private func superDecoder(_ key: some CodingKey) -> IndexDecoder {
        guard let found = find(key) else {
            return IndexDecoder(decoder.state, token: decoder.state.nullToken, codingPath: codingPath + [key])
        }
        decoder.state.markRead(found)
        if index.tokens[found + 1].kind == .object { decoder.state.visit(found + 1) }
        return IndexDecoder(decoder.state, token: found + 1, codingPath: codingPath + [key])
    }
}

/// The name of a Swift type in an error message: its JSON type where there is one.
func jsonName(of type: Any.Type) -> String {
    let name = String(describing: type)
    if name.contains("Dictionary") || name.hasPrefix("[") && name.contains(":") { return "object" }
    if name.hasPrefix("Array") || name.hasPrefix("[") { return "array" }
    switch name {
    case "Int", "Int64", "Int32", "UInt64", "UInt", "UInt32": return "integer"
    case "Double", "Float", "Decimal": return "number"
    case "Bool": return "boolean"
    case "String": return "string"
    default: return name
    }
}
