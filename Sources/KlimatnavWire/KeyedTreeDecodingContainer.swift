/// The keyed container of ``TreeDecoder``: looks members up by key and marks each one
/// asked for on the decoder (see ``ReadLedger``).
struct KeyedTreeDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TreeDecoder
    let members: [(key: String, value: JSONValue)]

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    /// The index of `key`'s member (objects are small: a linear search is cheap).
    private func index(of key: some CodingKey) -> Int? {
        let name = key.stringValue
        return members.firstIndex { $0.key == name }
    }

    /// The index of `key`'s member, marked as read; `keyNotFound` when there is none.
    private func required(_ key: Key) throws -> Int {
        guard let index = index(of: key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        decoder.markRead(index)
        return index
    }

    /// The index of `key`'s member, marked as read, unless it is absent or `null`.
    private func present(_ key: Key) -> Int? {
        guard let index = index(of: key), !members[index].value.isNull else { return nil }
        decoder.markRead(index)
        return index
    }

    func contains(_ key: Key) -> Bool {
        guard let index = index(of: key) else { return false }
        if !members[index].value.isNull { decoder.markRead(index) }
        return true
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let index = index(of: key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        if members[index].value.isNull { return true }
        decoder.markRead(index)
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try members[try required(key)].value.bool(at: decoder.path(appending: key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try members[try required(key)].value.string(at: decoder.path(appending: key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try floatingPoint(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try floatingPoint(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    private func integer<I: FixedWidthInteger>(_ key: Key) throws -> I {
        try members[try required(key)].value.integer(I.self, at: decoder.path(appending: key))
    }

    private func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ key: Key) throws -> F {
        try members[try required(key)].value.floatingPoint(F.self, at: decoder.path(appending: key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let index = try required(key)
        return try decoder.child(members[index].value, key: key, position: index).decodeValue(T.self)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = present(key) else { return nil }
        return try members[index].value.string(at: decoder.path(appending: key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = present(key) else { return nil }
        return try members[index].value.bool(at: decoder.path(appending: key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = present(key) else { return nil }
        return try members[index].value.integer(Int.self, at: decoder.path(appending: key))
    }

    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        guard let index = present(key) else { return nil }
        return try members[index].value.integer(UInt64.self, at: decoder.path(appending: key))
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let index = present(key) else { return nil }
        return try members[index].value.floatingPoint(Double.self, at: decoder.path(appending: key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = present(key) else { return nil }
        return try decoder.child(members[index].value, key: key, position: index).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try required(key)
        return try decoder.child(members[index].value, key: key, position: index).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try required(key)
        return try decoder.child(members[index].value, key: key, position: index).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { superDecoder(TreeCodingKey.superKey) }

    func superDecoder(forKey key: Key) throws -> any Decoder { superDecoder(key) }

    /// A decoder of `key`'s member; of `null` when there is none, as in `JSONDecoder`.
    private func superDecoder(_ key: some CodingKey) -> TreeDecoder {
        guard let index = index(of: key) else { return decoder.child(.null, key: key, position: -1) }
        decoder.markRead(index)
        return decoder.child(members[index].value, key: key, position: index)
    }
}
