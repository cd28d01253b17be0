/// A parsed JSON value, as ``StrictJSONParser`` reads it: the codec's view of a body, checked
/// for limits and then decoded by ``JSONValueDecoder``.
enum JSONValue: Hashable, Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number, kept as its literal text so integers and fractions are told apart exactly.
    case number(String)
    case bool(Bool)
    case null

    /// The JSON type name used in error messages (`object`, `array`, `string`, ...).
    var kindName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number(let text): text.contains(where: { ".eE".contains($0) }) ? "number \(text)" : "integer \(text)"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    /// The member called `key` of an object, or `nil`.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .object(let members):
            for member in members { hasher.combine(member.key); hasher.combine(member.value) }
        case .array(let items): hasher.combine(items)
        case .string(let text): hasher.combine(text)
        case .number(let text): hasher.combine(text)
        case .bool(let flag): hasher.combine(flag)
        case .null: hasher.combine(0)
        }
    }
}
