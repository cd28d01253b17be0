/// The single-value container of ``TreeEncoder``: the node itself holds the value.
struct SingleTreeEncodingContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil() throws { node.setScalar(.literal("null")) }
    mutating func encode(_ value: Bool) throws { node.setScalar(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { node.setScalar(.string(value)) }
    mutating func encode(_ value: Double) throws { node.setScalar(try TreeEncoder.literal(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { node.setScalar(try TreeEncoder.literal(value, at: codingPath)) }
    mutating func encode(_ value: Int) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.setScalar(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.setScalar(.literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: node) }
}
