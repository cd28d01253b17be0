import Foundation

/// Reads a body in one pass, with ``JSONLexer``'s rules, for the readers of the hot bodies
/// (``GoalBodyReader``, ``DeltaBodyReader``, ``AckBodyReader``), which cannot afford the
/// index and the `Codable` machinery on every message.
///
/// It accepts only what ``JSONScanner`` accepts and reads it to the same values: strict
/// grammar (whitespace included), strings within ``WireLimits/maxStringBytes``, numbers as
/// the lexer allows them, integers without fraction or exponent that fit their type. Keys
/// must be plain ASCII (no escapes), so that bytes compare as text. Anything else makes a
/// read return `nil`, and the caller hands the body to the generic decoder, which accepts
/// it or reports the exact error.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0

    /// A reader of `bytes`, or `nil` unless they are valid UTF-8.
    init?(_ bytes: [UInt8]) {
        guard BodyCoder.invalidUTF8Offset(bytes) == nil else { return nil }
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, JSONLexer.isWhitespace(bytes[index]) { index += 1 }
    }

    /// Whether the next byte after whitespace is `byte`; if so, it is consumed.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Where a reader is in one object: before its first member, or at its end.
    struct Members {
        fileprivate var first = true
        /// Whether the object was read to its `}`.
        fileprivate(set) var closed = false
    }

    /// Reads the `{` of an object, whose members ``nextKey(_:)`` then reads.
    mutating func beginObject() -> Members? { take(UInt8(ascii: "{")) ? Members() : nil }

    /// The bytes of the next member's key (its value is next to read), or `nil` at the
    /// object's `}` (then `members` is closed) or on anything unexpected.
    mutating func nextKey(_ members: inout Members) -> Range<Int>? {
        if take(UInt8(ascii: "}")) {
            members.closed = true
            return nil
        }
        guard members.first || take(UInt8(ascii: ",")), take(UInt8(ascii: "\"")), let key = lex(JSONLexer.string), key.ascii
        else { return nil }
        members.first = false
        index = key.end + 1
        guard take(UInt8(ascii: ":")) else { return nil }
        skipWhitespace()
        return key.start..<key.end
    }

    /// Whether the key at `range` is `name`.
    func key(_ range: Range<Int>, is name: [UInt8]) -> Bool {
        range.count == name.count
            && bytes.withUnsafeBufferPointer { bytes in
                name.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + range.lowerBound, $0.baseAddress!, range.count) == 0 }
            }
    }

    /// A lexer function's result from the reader's position, or `nil` on a problem.
    private func lex<T>(_ lexer: (UnsafeBufferPointer<UInt8>, Int) throws(JSONLexer.Problem) -> T) -> T? {
        bytes.withUnsafeBufferPointer { try? lexer($0, index) }
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        guard let text = lex(JSONLexer.string), text.length <= WireLimits.maxStringBytes else { return nil }
        index = text.end + 1
        guard text.escaped else { return String(decoding: bytes[text.start..<text.end], as: UTF8.self) }
        return bytes.withUnsafeBufferPointer {
            (try? JSONLexer.unescape($0, from: text.start)).map { String(decoding: $0.text, as: UTF8.self) }
        }
    }

    /// Whether the value is the string `text` written plainly (no escapes); if so, it is read.
    mutating func string(is text: [UInt8]) -> Bool {
        let end = index + text.count + 2
        guard end <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\""),
            key(index + 1..<end - 1, is: text)
        else { return false }
        index = end
        return true
    }

    mutating func bool() -> Bool? {
        let isTrue = bytes.withUnsafeBufferPointer { JSONLexer.literal("true", in: $0, at: index) }
        guard isTrue || bytes.withUnsafeBufferPointer({ JSONLexer.literal("false", in: $0, at: index) }) else { return nil }
        index += isTrue ? 4 : 5
        return isTrue
    }

    /// The bytes of the number at the reader, which it passes.
    private mutating func number() -> Range<Int>? {
        guard let end = lex(JSONLexer.number) else { return nil }
        defer { index = end }
        return index..<end
    }

    /// An integer literal (no fraction or exponent) that fits `I`, read as the generic decoder reads it.
    mutating func integer<I: FixedWidthInteger>(_ type: I.Type = I.self) -> I? {
        guard let text = number(), case .value(let value) = JSONLexer.integer(bytes[text], as: I.self) else { return nil }
        return value
    }

    /// Any number, correctly rounded (the lexer refused one that is not finite).
    mutating func double() -> Double? { number().flatMap { Double(String(decoding: bytes[$0], as: UTF8.self)) } }

    /// An array of integers (see ``integer(_:)``), at most `limit` of them.
    mutating func integers(limit: Int) -> [Int]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var values: [Int] = []
        if take(UInt8(ascii: "]")) { return values }
        repeat {
            skipWhitespace()
            guard let value = integer(Int.self), values.count < limit else { return nil }
            values.append(value)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? values : nil
    }
}
