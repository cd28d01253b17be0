extension JSONValue {
    /// A step in a path through a JSON value.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// Paths and literals of every number that an integer field would refuse: a fraction, an
    /// exponent, or a value outside the 64-bit range.
    func nonIntegerNumbers(at path: [Step] = []) -> [(path: [Step], literal: String)] {
        switch self {
        case .object(let members):
            members.flatMap { $0.value.nonIntegerNumbers(at: path + [.key($0.key)]) }
        case .array(let items):
            items.enumerated().flatMap { $0.element.nonIntegerNumbers(at: path + [.index($0.offset)]) }
        case .number(let text):
            Int64(text) == nil && UInt64(text) == nil ? [(path, text)] : []
        case .string, .bool, .null:
            []
        }
    }

    /// A copy with the value at `path` replaced by `replacement`.
    func replacing(at path: [Step], with replacement: JSONValue) -> JSONValue {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(let members), .key(let key)):
            return .object(members.map { $0.key == key ? ($0.key, $0.value.replacing(at: rest, with: replacement)) : $0 })
        case (.array(var items), .index(let index)) where items.indices.contains(index):
            items[index] = items[index].replacing(at: rest, with: replacement)
            return .array(items)
        default:
            return self
        }
    }

    /// Compact JSON text of the value.
    var serialized: String {
        switch self {
        case .object(let members):
            "{" + members.map { "\(JSONValue.string($0.key).serialized):\($0.value.serialized)" }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map(\.serialized).joined(separator: ",") + "]"
        case .string(let text): Self.quoted(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{00}"..."\u{1F}": out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension [JSONValue.Step] {
    /// The wire form of the path: `body.milestones[0].year`.
    var wirePath: String {
        reduce("body") { path, step in
            switch step {
            case .key(let key): "\(path).\(key)"
            case .index(let index): "\(path)[\(index)]"
            }
        }
    }
}
