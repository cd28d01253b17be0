/// The unkeyed container of ``TreeEncoder``: items of an array node.
struct UnkeyedTreeEncodingContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int { node.count }

    private var path: [any CodingKey] { node.codingPath + [WireCodingKey(intValue: node.count)] }

    mutating func encodeNil() throws { node.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { node.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { node.append(.string(value)) }
    mutating func encode(_ value: Double) throws { node.append(try TreeEncoder.literal(value, at: path)) }
    mutating func encode(_ value: Float) throws { node.append(try TreeEncoder.literal(value, at: path)) }
    mutating func encode(_ value: Int) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.append(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.append(.literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let scalar = try TreeEncoder.scalar(value, at: path) {
            node.append(scalar)
        } else {
            try value.encode(to: TreeEncoder(node: node.appendNode()))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendNode()
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeEncodingContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendNode()
        child.makeArray()
        return UnkeyedTreeEncodingContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appendNode()) }
}
