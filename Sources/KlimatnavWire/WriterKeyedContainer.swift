/// The keyed container of ``WriterEncoder``: members of the object in frame `level`. Every
/// value goes through ``JSONWriter/encode(_:depth:)``, which writes the scalars itself (the
/// generic `encode` also stands for the `Int8`, `Float`, ... requirements).
struct WriterKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONWriter
    let level: Int
    var codingPath: [any CodingKey] { writer.buffer.codingPath(level) }

    private func member(_ key: some CodingKey) -> Int { writer.buffer.member(key, level: level) }

    mutating func encodeNil(forKey key: Key) throws {
        _ = member(key)
        writer.buffer.literal("null")
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try writer.encode(value, depth: member(key)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(WriterKeyedContainer<NestedKey>(writer: writer, level: writer.buffer.open(object: true, depth: member(key))))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        WriterUnkeyedContainer(writer: writer, level: writer.buffer.open(object: false, depth: member(key)))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(member(WireCodingKey.superKey)) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(member(key)) }

    private func superEncoder(_ depth: Int) -> any Encoder {
        writer.buffer.superValue(level: level)
        return WriterEncoder(writer: writer, depth: depth)
    }
}
