/// The stable identifier of a party: lowercase ASCII letters, digits and hyphens,
/// 1-64 characters, starting with a letter (for example `goteborg`, `viable-cities`).
public struct PartyID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Creates an id, or returns `nil` when `rawValue` is not a valid party id.
    public init?(_ rawValue: String) {
        guard PartyID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Whether `text` has the form of a party id.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    public var description: String { rawValue }
    public static func < (lhs: PartyID, rhs: PartyID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension PartyID: ExpressibleByStringLiteral {
    /// Literal ids are checked when the program runs; an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        guard let id = PartyID(value) else { preconditionFailure("invalid party id literal '\(value)'") }
        self = id
    }
}

extension PartyID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = PartyID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a party id (lowercase ASCII letters, digits, '-'; starts with a letter)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
