/// The keyed container of ``TreeEncoder``: members of an object node.
struct KeyedTreeEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [any CodingKey] { node.codingPath }

    private func path(_ key: Key) -> [any CodingKey] { node.codingPath + [key] }

    mutating func encodeNil(forKey key: Key) throws { node.add(key, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.add(key, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.add(key, try TreeEncoder.literal(value, at: path(key))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { node.add(key, try TreeEncoder.literal(value, at: path(key))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { node.add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.add(key, .literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let scalar = try TreeEncoder.scalar(value, at: path(key)) {
            node.add(key, scalar)
        } else {
            try value.encode(to: TreeEncoder(node: node.addNode(key)))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.addNode(key)
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeEncodingContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.addNode(key)
        child.makeArray()
        return UnkeyedTreeEncodingContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.addNode(WireCodingKey.superKey)) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: node.addNode(key)) }
}
