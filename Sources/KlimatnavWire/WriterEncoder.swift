/// The `Encoder` of ``JSONWriter`` for a value inside its first `depth` frames, and that
/// value's single-value container.
struct WriterEncoder: Encoder, SingleValueEncodingContainer {
    let writer: JSONWriter
    let depth: Int
    var codingPath: [any CodingKey] { writer.buffer.codingPath(depth) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(WriterKeyedContainer<Key>(writer: writer, level: writer.buffer.open(object: true, depth: depth)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        WriterUnkeyedContainer(writer: writer, level: writer.buffer.open(object: false, depth: depth))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    mutating func encodeNil() throws { writer.buffer.literal("null") }
    mutating func encode(_ value: Bool) throws { writer.buffer.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.buffer.string(value, depth: depth) }
    mutating func encode(_ value: Double) throws { try writer.buffer.number(value, depth: depth) }
    mutating func encode(_ value: Float) throws { try writer.buffer.number(value, depth: depth) }
    mutating func encode(_ value: Int) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.buffer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.buffer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encode(value, depth: depth) }
}
