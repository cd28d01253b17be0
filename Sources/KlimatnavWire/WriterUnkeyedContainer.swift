/// The unkeyed container of ``WriterEncoder``: items of the array in frame `level`.
struct WriterUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONWriter
    let level: Int
    var codingPath: [any CodingKey] { writer.codingPath(level) }
    var count: Int { writer.count(level) }

    @discardableResult private func item() -> Int { writer.item(level: level) }

    mutating func encodeNil() throws { item(); writer.literal("null") }
    mutating func encode(_ value: Bool) throws { item(); writer.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.string(value, depth: item()) }
    mutating func encode(_ value: Double) throws { try writer.number(value, depth: item()) }
    mutating func encode(_ value: Float) throws { try writer.number(value, depth: item()) }
    mutating func encode(_ value: Int) throws { item(); writer.integer(value) }
    mutating func encode(_ value: Int8) throws { item(); writer.integer(value) }
    mutating func encode(_ value: Int16) throws { item(); writer.integer(value) }
    mutating func encode(_ value: Int32) throws { item(); writer.integer(value) }
    mutating func encode(_ value: Int64) throws { item(); writer.integer(value) }
    mutating func encode(_ value: UInt) throws { item(); writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { item(); writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { item(); writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { item(); writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { item(); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encode(value, depth: item()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(WriterKeyedContainer<NestedKey>(writer: writer, level: writer.open(object: true, depth: item())))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        WriterUnkeyedContainer(writer: writer, level: writer.open(object: false, depth: item()))
    }

    mutating func superEncoder() -> any Encoder {
        let depth = item()
        writer.superValue(level: level)
        return WriterEncoder(writer: writer, depth: depth)
    }
}
