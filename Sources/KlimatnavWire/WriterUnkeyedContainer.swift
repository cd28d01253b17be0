/// The unkeyed container of ``WriterEncoder``: items of the array in frame `level` (every
/// value through ``JSONWriter/encode(_:depth:)``, as in ``WriterKeyedContainer``).
struct WriterUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONWriter
    let level: Int
    var codingPath: [any CodingKey] { writer.buffer.codingPath(level) }
    var count: Int { writer.buffer.count(level) }

    private func item() -> Int { writer.buffer.item(level: level) }

    mutating func encodeNil() throws {
        _ = item()
        writer.buffer.literal("null")
    }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encode(value, depth: item()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(WriterKeyedContainer<NestedKey>(writer: writer, level: writer.buffer.open(object: true, depth: item())))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        WriterUnkeyedContainer(writer: writer, level: writer.buffer.open(object: false, depth: item()))
    }

    mutating func superEncoder() -> any Encoder {
        let depth = item()
        writer.buffer.superValue(level: level)
        return WriterEncoder(writer: writer, depth: depth)
    }
}
