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
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A value being built; containers hand out child nodes that fill in later.
private final class TreeNode {
    enum Kind { case unset, scalar, object, array }

    var kind = Kind.unset
    var scalar = JSONValue.null
    var keys: [String] = []
    var members: [String: TreeNode] = [:]
    var items: [TreeNode] = []

    var value: JSONValue {
        switch kind {
        case .unset: .object([])
        case .scalar: scalar
        case .object: .object(keys.map { (key: $0, value: members[$0]!.value) })
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
        keys = []
        members = [:]
        items = []
    }

    /// A member node (a key encoded twice keeps its place and takes the last value, as in
    /// `JSONEncoder`).
    func member(_ key: String) -> TreeNode {
        makeObject()
        if let existing = members[key] { return existing }
        let node = TreeNode()
        keys.append(key)
        members[key] = node
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
        let node = TreeNode()
        items.append(node)
        return node
    }

    var count: Int { kind == .array ? items.count : 0 }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, codingPath: codingPath)
    }
}

/// A scalar, as `JSONEncoder` would print it; throws for non-finite numbers like it does.
private func scalar(_ value: Any, _ codingPath: [any CodingKey]) throws -> JSONValue {
    switch value {
    case let flag as Bool: return .bool(flag)
    case let text as String: return .string(text)
    case let number as Double:
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        return .number("\(number)")
    case let number as Float:
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        return .number("\(number)")
    default: return .number("\(value)")
    }
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
    let codingPath: [any CodingKey]

    private func set(_ value: Any, _ key: Key) throws {
        node.member(key.stringValue).setScalar(try scalar(value, codingPath + [key]))
    }

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).setScalar(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try set(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try set(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = node.member(key.stringValue)
        child.reset()
        try value.encode(to: TreeEncoder(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.makeArray()
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.member(TreeKey.superKey.stringValue), codingPath: codingPath + [TreeKey.superKey])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private var nextKey: TreeKey { TreeKey(intValue: node.count) }

    private func append(_ value: Any) throws {
        let key = nextKey
        node.appendItem().setScalar(try scalar(value, codingPath + [key]))
    }

    mutating func encodeNil() throws { node.appendItem().setScalar(.null) }
    mutating func encode(_ value: Bool) throws { try append(value) }
    mutating func encode(_ value: String) throws { try append(value) }
    mutating func encode(_ value: Double) throws { try append(value) }
    mutating func encode(_ value: Float) throws { try append(value) }
    mutating func encode(_ value: Int) throws { try append(value) }
    mutating func encode(_ value: Int8) throws { try append(value) }
    mutating func encode(_ value: Int16) throws { try append(value) }
    mutating func encode(_ value: Int32) throws { try append(value) }
    mutating func encode(_ value: Int64) throws { try append(value) }
    mutating func encode(_ value: UInt) throws { try append(value) }
    mutating func encode(_ value: UInt8) throws { try append(value) }
    mutating func encode(_ value: UInt16) throws { try append(value) }
    mutating func encode(_ value: UInt32) throws { try append(value) }
    mutating func encode(_ value: UInt64) throws { try append(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        try value.encode(to: TreeEncoder(node: node.appendItem(), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        let child = node.appendItem()
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = node.appendItem()
        child.makeArray()
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        return TreeEncoder(node: node.appendItem(), codingPath: codingPath + [key])
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]

    private func set(_ value: Any) throws { node.setScalar(try scalar(value, codingPath)) }

    mutating func encodeNil() throws { node.setScalar(.null) }
    mutating func encode(_ value: Bool) throws { try set(value) }
    mutating func encode(_ value: String) throws { try set(value) }
    mutating func encode(_ value: Double) throws { try set(value) }
    mutating func encode(_ value: Float) throws { try set(value) }
    mutating func encode(_ value: Int) throws { try set(value) }
    mutating func encode(_ value: Int8) throws { try set(value) }
    mutating func encode(_ value: Int16) throws { try set(value) }
    mutating func encode(_ value: Int32) throws { try set(value) }
    mutating func encode(_ value: Int64) throws { try set(value) }
    mutating func encode(_ value: UInt) throws { try set(value) }
    mutating func encode(_ value: UInt8) throws { try set(value) }
    mutating func encode(_ value: UInt16) throws { try set(value) }
    mutating func encode(_ value: UInt32) throws { try set(value) }
    mutating func encode(_ value: UInt64) throws { try set(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}
