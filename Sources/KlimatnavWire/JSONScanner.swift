import Foundation

/// The one pass over a body: checks the strict grammar (RFC 8259 with no duplicate keys, no
/// trailing data, no lone surrogates, numbers of at most ``WireLimits/maxNumberLength``
/// characters that are finite as `Double`, nesting of at most ``WireLimits/maxDepth``) and
/// the field limits (strings and keys, arrays), and indexes the body as ``JSONToken``s.
///
/// Errors come in the order the spec lists the checks: any grammar error (`bad-json`, at the
/// byte where it was found), then a top value that is not an object, then the first field
/// over a limit in document order (`field-too-large`). The input must be valid UTF-8.
struct JSONScanner {
    let bytes: [UInt8]
    var index = 0
    private var tokens: [JSONToken] = []
    private let topArrayLimit: Int
    /// The first field over a limit, by the token where it is reported from (document order).
    private var limitProblem: (token: Int, at: Int, error: WireError)?

    private init(_ bytes: [UInt8], topArrayLimit: Int) {
        self.bytes = bytes
        self.topArrayLimit = topArrayLimit
        tokens.reserveCapacity(bytes.count / 6 + 4)
    }

    /// The index of `bytes`, a body whose top value must be an object.
    static func scan(_ bytes: [UInt8], topArrayLimit: Int = WireLimits.maxArrayCount) throws(WireError) -> JSONIndex {
        var scanner = JSONScanner(bytes, topArrayLimit: topArrayLimit)
        scanner.skipWhitespace()
        try scanner.value(depth: 0)
        scanner.skipWhitespace()
        if scanner.index != bytes.count { throw scanner.failure("unexpected data after the JSON value") }
        // A `null` after the body: the value of an absent member's `superDecoder`.
        scanner.append(.null, bytes.count, bytes.count)
        let index = JSONIndex(bytes: bytes, tokens: scanner.tokens)
        guard index.tokens[0].kind == .object else {
            throw WireError(.wrongType, "expected object, found \(index.kindName(0))", frame: 3, path: "body")
        }
        if let (_, at, error) = scanner.limitProblem {
            throw WireError(error.code, error.message, frame: 3, path: index.path(to: at))
        }
        return index
    }

    func failure(_ what: String) -> WireError {
        WireError(.badJSON, "\(what) at byte \(index)", frame: 3)
    }

    /// Records a field over a limit, found at `token` (for the order), reported at `at`.
    private mutating func limit(_ token: Int, _ message: String, at: Int? = nil) {
        if limitProblem.map({ token < $0.token }) ?? true {
            limitProblem = (token, at ?? token, WireError(.fieldTooLarge, message, frame: 3))
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    mutating func append(_ kind: JSONToken.Kind, _ start: Int, _ end: Int) {
        tokens.append(JSONToken(kind: kind, start: Int32(start), end: Int32(end), next: Int32(tokens.count + 1)))
    }

    /// Scans one value; `parentIsTop` tells an array that it is a member of the body object.
    private mutating func value(depth: Int, parentIsTop: Bool = false) throws(WireError) {
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(depth: depth + 1, object: true)
        case UInt8(ascii: "["):
            try container(depth: depth + 1, object: false, limit: parentIsTop ? topArrayLimit : WireLimits.maxArrayCount)
        case UInt8(ascii: "\""):
            var none: [Int] = []
            var names: Set<String> = []
            try string(keys: &none, names: &names)
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONToken.Kind) throws(WireError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count,
            (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
        else { throw failure("invalid literal") }
        append(kind, index, index + count)
        index += count
    }

    private mutating func container(depth: Int, object: Bool, limit: Int = 0) throws(WireError) {
        guard depth <= WireLimits.maxDepth else { throw failure("nesting deeper than \(WireLimits.maxDepth)") }
        let me = tokens.count
        append(object ? .object : .array, index, index)
        index += 1
        let close = UInt8(ascii: object ? "}" : "]")
        var count = 0
        var keys: [Int] = []
        var names: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
        } else {
            while true {
                skipWhitespace()
                if object {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                    try string(object: me, keys: &keys, names: &names)
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                    index += 1
                    skipWhitespace()
                }
                try value(depth: depth, parentIsTop: object && me == 0)
                count += 1
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of JSON") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == close {
                    index += 1
                    break
                }
                throw failure(object ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
        tokens[me].end = Int32(index)
        tokens[me].count = Int32(count)
        tokens[me].next = Int32(tokens.count)
        if !object, count > limit { self.limit(me, "array of \(count) elements, limit \(limit)") }
    }

    /// Scans a string; a key (`object` is its object's token) is checked against the
    /// object's earlier keys, `keys` from its first key on.
    private mutating func string(object: Int? = nil, keys: inout [Int], names: inout Set<String>) throws(WireError) {
        let quote = index
        index += 1
        let start = index
        // The plain run up to a quote, backslash or control character, without bounds checks.
        var high: UInt8 = 0
        index = bytes.withUnsafeBufferPointer { bytes in
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte < 0x20 { break }
                high |= byte
                index += 1
            }
            return index
        }
        let ascii = high < 0x80
        var length = index - start
        let escaped = index >= bytes.count || bytes[index] != UInt8(ascii: "\"")
        if escaped {
            do {
                let (text, end) = try Self.unescape(bytes, from: start)
                length = text.count
                index = end
            } catch {
                index = error.offset
                throw failure(error.reason)
            }
        }
        let me = tokens.count
        append(.string, start, index)
        tokens[me].escaped = escaped
        tokens[me].ascii = ascii && !escaped
        index += 1
        guard let object else {
            if length > WireLimits.maxStringBytes { limit(me, "string of \(length) bytes, limit \(WireLimits.maxStringBytes)") }
            return
        }
        if keys.count < 32 {
            for other in keys where sameKey(other, me) {
                index = quote
                throw failure("duplicate key \"\(text(me))\"")
            }
        } else {
            if names.isEmpty { names = Set(keys.map(text)) }
            guard names.insert(text(me)).inserted else {
                index = quote
                throw failure("duplicate key \"\(text(me))\"")
            }
        }
        keys.append(me)
        if length > WireLimits.maxStringBytes { limit(me, "key longer than \(WireLimits.maxStringBytes) bytes", at: object) }
    }

    /// The text of the string token at `token`.
    private func text(_ token: Int) -> String { JSONIndex(bytes: bytes, tokens: tokens).string(token) }

    /// Whether the keys at `a` and `b` are the same text (as `String` compares them).
    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (tokens[a], tokens[b])
        guard x.ascii && y.ascii else { return text(a) == text(b) }
        let count = Int(x.end - x.start)
        guard count == Int(y.end - y.start) else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(x.start), $0.baseAddress! + Int(y.start), count) == 0 }
    }
}
