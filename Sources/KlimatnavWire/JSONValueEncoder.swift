/// Encodes an `Encodable` value straight into a ``JSONValue`` tree with the objects and arrays
/// `JSONEncoder` would write for it, without writing and re-parsing text. The decoder's
/// no-unknown-fields check compares a received body with its decoded value encoded again
/// (``JSONValue/checkNoUnknownFields(against:path:)``); that check looks only at object keys
/// and array positions, which this encoder produces exactly as `JSONEncoder` does (same
/// `Encodable` implementations, same containers). Scalars are kept too, as `JSONEncoder`
/// would print them for strings, booleans and integers; other scalars (`Data`, `Date`, `URL`
/// and the like, which `JSONEncoder` special-cases) may differ in form but never matter to
/// that check, and none of them occurs in a wire body.
enum JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = TreeNode()
        try value.encode(to: TreeEncoder(node: root))
        return root.value
    }
}

/// A value being built; containers hand out child nodes that fill in later. Each node knows
/// its parent and key, so coding paths are only built when asked for (errors).
private final class TreeNode {
    enum Kind { case unset, scalar, object, array }

    /// Unowned: a parent owns its children, and the root (held by ``JSONValueEncoder``)
    /// outlives the whole tree while it is built; a strong reference here would be a cycle
    /// and leak every tree.
    unowned let parent: TreeNode?
    let key: (any CodingKey)?
    var kind = Kind.unset
    var scalar = JSONValue.null
    /// Object members in first-encoded order (objects are small: a linear search is cheap).
    var members: [(key: String, node: TreeNode)] = []
    var items: [TreeNode] = []

    init(parent: TreeNode? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: TreeNode? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    var value: JSONValue {
        switch kind {
        case .unset: .object([])
        case .scalar: scalar
        case .object: .object(members.map { (key: $0.key, value: $0.node.value) })
        case .array: .array(items.map(\.value))
        }
    }

    func setScalar(_ value: JSONValue) {
        reset()
        kind = .scalar
        scalar = value
    }

    func reset() {
        kind = .unset
        members = []
        items = []
    }

    /// A member node (a key encoded twice keeps its place and takes the last value, as in
    /// `JSONEncoder`).
    func member(_ codingKey: some CodingKey) -> TreeNode {
        makeObject()
        let key = codingKey.stringValue
        if let existing = members.first(where: { $0.key == key }) { return existing.node }
        let node = TreeNode(parent: self, key: codingKey)
        members.append((key, node))
        return node
    }

    func makeObject() {
        if kind != .object { reset(); kind = .object }
    }

    func makeArray() {
        if kind != .array { reset(); kind = .array }
    }

    func appendItem() -> TreeNode {
        makeArray()
        let node = TreeNode(parent: self, key: TreeKey(intValue: items.count))
        items.append(node)
        return node
    }

    var count: Int { kind == .array ? items.count : 0 }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node)
    }
}

/// A floating-point number; non-finite ones throw, as in `JSONEncoder`.
private func finite(_ number: Double, _ node: TreeNode) throws -> JSONValue {
    guard number.isFinite else {
        throw EncodingError.invalidValue(
            number, .init(codingPath: node.codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
    }
    return .number("\(number)")
}

private struct TreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
    static let superKey = TreeKey(stringValue: "super")
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil(forKey key: Key) throws { node.member(key).setScalar(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key).setScalar(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.member(key).setScalar(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { let node = node.member(key); node.setScalar(try finite(value, node)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { let node = node.member(key); node.setScalar(try finite(Double(value), node)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.member(key).setScalar(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = node.member(key)
        child.reset()
        try value.encode(to: TreeEncoder(node: child))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key)
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key)
        child.makeArray()
        return UnkeyedTreeContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.member(TreeKey.superKey)) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: node.member(key)) }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendItem().setScalar(.null) }
    mutating func encode(_ value: Bool) throws { node.appendItem().setScalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appendItem().setScalar(.string(value)) }
    mutating func encode(_ value: Double) throws { let node = node.appendItem(); node.setScalar(try finite(value, node)) }
    mutating func encode(_ value: Float) throws { let node = node.appendItem(); node.setScalar(try finite(Double(value), node)) }
    mutating func encode(_ value: Int) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.appendItem().setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.appendItem().setScalar(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: TreeEncoder(node: node.appendItem()))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendItem()
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendItem()
        child.makeArray()
        return UnkeyedTreeContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appendItem()) }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil() throws { node.setScalar(.null) }
    mutating func encode(_ value: Bool) throws { node.setScalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.setScalar(.string(value)) }
    mutating func encode(_ value: Double) throws { let node = node; node.setScalar(try finite(value, node)) }
    mutating func encode(_ value: Float) throws { let node = node; node.setScalar(try finite(Double(value), node)) }
    mutating func encode(_ value: Int) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.setScalar(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.setScalar(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: TreeEncoder(node: node))
    }
}
