/// The keyed container of ``WriterEncoder``: members of the object in frame `level`.
struct WriterKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONWriter
    let level: Int
    var codingPath: [any CodingKey] { writer.codingPath(level) }

    @discardableResult private func member(_ key: Key) -> Int { writer.member(key, level: level) }

    mutating func encodeNil(forKey key: Key) throws { member(key); writer.literal("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key); writer.literal(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { writer.string(value, depth: member(key)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try writer.number(value, depth: member(key)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try writer.number(value, depth: member(key)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try writer.encode(value, depth: member(key)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(WriterKeyedContainer<NestedKey>(writer: writer, level: writer.open(object: true, depth: member(key))))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        WriterUnkeyedContainer(writer: writer, level: writer.open(object: false, depth: member(key)))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(writer.member(WireCodingKey.superKey, level: level)) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(member(key)) }

    private func superEncoder(_ depth: Int) -> any Encoder {
        writer.superValue(level: level)
        return WriterEncoder(writer: writer, depth: depth)
    }
}
