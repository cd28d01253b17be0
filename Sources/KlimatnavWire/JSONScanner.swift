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
    /// The body, and its bytes as a buffer for the duration of ``scan(_:topArrayLimit:)``.
    let array: [UInt8]
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    private var tokens: [JSONToken] = []
    private let topArrayLimit: Int
    /// The first field over a limit, by the token where it is reported from (document order).
    private var limitProblem: Problem?
    private typealias Problem = (token: Int, at: Int, error: WireError)

    private init(_ array: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, topArrayLimit: Int) {
        self.array = array
        self.bytes = bytes
        self.topArrayLimit = topArrayLimit
        tokens.reserveCapacity(bytes.count / 6 + 4)
    }

    /// The index of `bytes`, a body whose top value must be an object.
    static func scan(_ bytes: [UInt8], topArrayLimit: Int = WireLimits.maxArrayCount) throws(WireError) -> JSONIndex {
        let scanned = bytes.withUnsafeBufferPointer { buffer -> Result<(tokens: [JSONToken], limitProblem: Problem?), WireError> in
            var scanner = JSONScanner(bytes, buffer, topArrayLimit: topArrayLimit)
            do throws(WireError) {
                scanner.skipWhitespace()
                try scanner.value(depth: 0)
                scanner.skipWhitespace()
                if scanner.index != buffer.count { throw scanner.failure("unexpected data after the JSON value") }
            } catch {
                return .failure(error)
            }
            // A `null` after the body: the value of an absent member's `superDecoder`.
            scanner.append(.null, buffer.count, buffer.count)
            return .success((scanner.tokens, scanner.limitProblem))
        }
        let (tokens, limitProblem) = try scanned.get()
        let index = JSONIndex(bytes: bytes, tokens: tokens)
        guard index.tokens[0].kind == .object else {
            throw WireError(.wrongType, "expected object, found \(index.kindName(0))", frame: 3, path: "body")
        }
        if let (_, at, error) = limitProblem {
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

    private mutating func skipWhitespace() { index = JSONLexer.skipWhitespace(bytes, from: index) }

    mutating func append(_ kind: JSONToken.Kind, _ start: Int, _ end: Int, escaped: Bool = false, ascii: Bool = false) {
        tokens.append(
            JSONToken(
                kind: kind, escaped: escaped, ascii: ascii, start: Int32(truncatingIfNeeded: start),
                end: Int32(truncatingIfNeeded: end), next: Int32(truncatingIfNeeded: tokens.count + 1)))
    }

    /// Scans one value; `parentIsTop` tells an array that it is a member of the body object.
    private mutating func value(depth: Int, parentIsTop: Bool = false) throws(WireError) {
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(depth: depth + 1, object: true)
        case UInt8(ascii: "["):
            try container(depth: depth + 1, object: false, limit: parentIsTop ? topArrayLimit : WireLimits.maxArrayCount)
        case UInt8(ascii: "\""):
            let (me, length) = try string()
            if length > WireLimits.maxStringBytes { limit(me, "string of \(length) bytes, limit \(WireLimits.maxStringBytes)") }
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONToken.Kind) throws(WireError) {
        guard JSONLexer.literal(word, in: bytes, at: index) else { throw failure("invalid literal") }
        append(kind, index, index + word.utf8CodeUnitCount)
        index += word.utf8CodeUnitCount
    }

    private mutating func number() throws(WireError) {
        let start = index
        do {
            index = try JSONLexer.number(bytes, from: start)
        } catch {
            index = error.offset
            throw failure(error.reason)
        }
        append(.number, start, index)
    }

    private mutating func container(depth: Int, object: Bool, limit: Int = 0) throws(WireError) {
        guard depth <= WireLimits.maxDepth else { throw failure("nesting deeper than \(WireLimits.maxDepth)") }
        let me = tokens.count
        append(object ? .object : .array, index, index)
        index += 1
        let close = UInt8(ascii: object ? "}" : "]")
        var count = 0
        var keys = KeyCheck(object: me)
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
        } else {
            while true {
                skipWhitespace()
                if object {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                    let quote = index
                    let (key, length) = try string()
                    if isDuplicate(key, &keys) {
                        index = quote
                        throw failure("duplicate key \"\(text(key))\"")
                    }
                    if length > WireLimits.maxStringBytes { self.limit(key, "key longer than \(WireLimits.maxStringBytes) bytes", at: me) }
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
        let (end, next) = (Int32(truncatingIfNeeded: index), Int32(truncatingIfNeeded: tokens.count))
        tokens.withUnsafeMutableBufferPointer { tokens in
            (tokens[me].end, tokens[me].count, tokens[me].next) = (end, Int32(truncatingIfNeeded: count), next)
        }
        if !object, count > limit { self.limit(me, "array of \(count) elements, limit \(limit)") }
    }

    /// What a container knows of its keys so far, to refuse a duplicate without comparing
    /// each key with every earlier one: while the keys come in strictly increasing byte
    /// order (as canonical bodies send them), a new key only needs comparing with the last.
    struct KeyCheck {
        let object: Int
        var last: Int?
        var sorted = true
        var count = 0
        var names: Set<String> = []
    }

    /// Scans a string (a value or a key): its token and the length of its text in bytes.
    private mutating func string() throws(WireError) -> (token: Int, length: Int) {
        let text: JSONLexer.Text
        do {
            text = try JSONLexer.string(bytes, from: index + 1)
        } catch {
            index = error.offset
            throw failure(error.reason)
        }
        let me = tokens.count
        append(.string, text.start, text.end, escaped: text.escaped, ascii: text.ascii)
        index = text.end + 1
        return (me, text.length)
    }

    /// Whether the key at `key` repeats an earlier key of its object (as `String` compares).
    private func isDuplicate(_ key: Int, _ check: inout KeyCheck) -> Bool {
        defer { (check.last, check.count) = (key, check.count + 1) }
        guard let last = check.last else { return false }
        if check.sorted, tokens[key].ascii, tokens[last].ascii, compare(last, key) < 0 { return false }
        check.sorted = false
        if check.count < 32 {
            var other = check.object + 1
            for _ in 0..<check.count {
                if sameKey(other, key) { return true }
                other = Int(tokens[other + 1].next)
            }
            return false
        }
        if check.names.isEmpty {
            var other = check.object + 1
            for _ in 0..<check.count {
                check.names.insert(text(other))
                other = Int(tokens[other + 1].next)
            }
        }
        return !check.names.insert(text(key)).inserted
    }

    /// The byte order of the plain keys at `a` and `b` (negative: `a` first).
    private func compare(_ a: Int, _ b: Int) -> Int {
        let (x, y) = (tokens[a], tokens[b])
        let (m, n) = (Int(x.end - x.start), Int(y.end - y.start))
        let order = memcmp(bytes.baseAddress! + Int(x.start), bytes.baseAddress! + Int(y.start), min(m, n))
        return order != 0 ? Int(order) : m - n
    }

    /// The text of the string token at `token`.
    private func text(_ token: Int) -> String { JSONIndex(bytes: array, tokens: tokens).string(token) }

    /// Whether the keys at `a` and `b` are the same text (as `String` compares them).
    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (tokens[a], tokens[b])
        guard x.ascii && y.ascii else { return text(a) == text(b) }
        let count = Int(x.end - x.start)
        guard count == Int(y.end - y.start) else { return false }
        return memcmp(bytes.baseAddress! + Int(x.start), bytes.baseAddress! + Int(y.start), count) == 0
    }
}
