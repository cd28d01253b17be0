import Foundation

/// The `Encoder` of one ``EncodingNode`` (see ``CanonicalJSON``).
struct TreeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey] { node.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeEncodingContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeEncodingContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeEncodingContainer(node: node)
    }

    /// The scalar `JSONEncoder` writes for `value` directly (the common scalars, and `Data`
    /// and `URL` under its default strategies), or `nil` for a value that encodes itself.
    static func scalar<T: Encodable>(_ value: T, at path: @autoclosure () -> [any CodingKey]) throws -> EncodedScalar? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .literal(String(value as! Int)) }
        if T.self == Double.self { return try literal(value as! Double, at: path()) }
        if T.self == Bool.self { return .literal(value as! Bool ? "true" : "false") }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        return nil
    }

    /// A number as `JSONEncoder` writes it: Swift's shortest round-trip `description`
    /// without a trailing `.0` (`1e-05`, `1e+16`, `0.5`, `2030`, `-0`). Non-finite numbers throw.
    static func literal<F: BinaryFloatingPoint & CustomStringConvertible>(
        _ number: F, at path: @autoclosure () -> [any CodingKey]
    ) throws -> EncodedScalar {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: path(), debugDescription: "Unable to encode \(F.self).\(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }

    /// Encodes `value` into `node`.
    static func encode<T: Encodable>(_ value: T, into node: EncodingNode) throws {
        if let scalar = try scalar(value, at: node.codingPath) {
            node.setScalar(scalar)
        } else {
            try value.encode(to: TreeEncoder(node: node))
        }
    }
}
