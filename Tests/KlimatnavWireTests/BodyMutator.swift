/// Seeded damage to a valid JSON body for the fast-reader tests: byte edits, and edits that
/// keep the text well-formed JSON but change what it says (members reordered, duplicated,
/// removed or unknown; integers as `1e3`, `2030.0`, `-0` or `01`; whitespace; `null`;
/// escapes; other enum words).
struct BodyMutator {
    var rng: SeededGenerator

    static let bytes: [UInt8] =
        Array("{}[]\",:\\/0123456789.-+eEtrufalsnu ".utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xA5, 0xED, 0xFF]
    static let values = [
        "1e3", "2030.0", "2030e0", "-0", "01", "0", "-1", "null", "true", "false", "\"\"", "\"x\"", "[]", "[1]", "[1,2,3]",
        "[1.0]", "[1e0]", "[null]", "{}", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "1e400", "0.5", "\"\\u0041\"", "\"a\\/b\"", "\"\\n\"", "\"tab\\t\"", "\"geographic\"",
        "\"organisational\"", "\"per-capita\"", "\"proposed\"", "\"near-zero\"", "\"Near-zero\"", "\"city\"", "\"goteborg\"",
        "\"Goteborg\"", "\"-x\"", "18446744073709551615", "18446744073709551616",
    ]
    static let keys = [
        "id", "party", "text", "word", "scopes", "baseYear", "targetYear", "reductionPercent", "status", "basis", "area",
        "orientation", "unknown", "Id", "stateSequence", "sequence", "source",
    ]

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// `body` with one to three random edits.
    mutating func mutate(_ body: [UInt8]) -> [UInt8] {
        var body = body
        for _ in 0..<Int.random(in: 1...3, using: &rng) { body = edit(body) }
        return body
    }

    private mutating func edit(_ body: [UInt8]) -> [UInt8] {
        var body = body
        let position = Int.random(in: 0...body.count, using: &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0 where !body.isEmpty: body.remove(at: min(position, body.count - 1))
        case 1: body.insert(Self.bytes.randomElement(using: &rng)!, at: position)
        case 2 where !body.isEmpty: body[min(position, body.count - 1)] = Self.bytes.randomElement(using: &rng)!
        case 3: body.insert(contentsOf: Array([" ", "\n", "\t", "\r", "  "].randomElement(using: &rng)!.utf8), at: position)
        default: body = editMembers(body)
        }
        return body
    }

    /// Splits a flat canonical object into members (by top-level commas) and edits them.
    private mutating func editMembers(_ body: [UInt8]) -> [UInt8] {
        guard var members = Self.members(body) else { return body }
        let index = members.isEmpty ? 0 : Int.random(in: 0..<members.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where !members.isEmpty: members.swapAt(index, Int.random(in: 0..<members.count, using: &rng))
        case 1 where !members.isEmpty: members.insert(members[index], at: Int.random(in: 0...members.count, using: &rng))
        case 2 where !members.isEmpty: members.remove(at: index)
        case 3:
            let member = "\"\(Self.keys.randomElement(using: &rng)!)\":\(Self.values.randomElement(using: &rng)!)"
            members.insert(Array(member.utf8), at: Int.random(in: 0...members.count, using: &rng))
        case 4...5 where !members.isEmpty:
            // Keep the key, give it another value.
            let key = members[index].prefix { $0 != UInt8(ascii: ":") }
            members[index] = Array(key) + Array(":\(Self.values.randomElement(using: &rng)!)".utf8)
        default: break
        }
        return [UInt8(ascii: "{")] + Array(members.joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "}")]
    }

    /// The members of a flat object `{...}`, split at commas outside strings and arrays.
    static func members(_ body: [UInt8]) -> [[UInt8]]? {
        guard body.count >= 2, body.first == UInt8(ascii: "{"), body.last == UInt8(ascii: "}") else { return nil }
        var members: [[UInt8]] = []
        var current: [UInt8] = []
        var inString = false, escaped = false, depth = 0
        for byte in body.dropFirst().dropLast() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 0 {
                members.append(current)
                current = []
                continue
            }
            current.append(byte)
        }
        if !current.isEmpty { members.append(current) }
        return members
    }
}
