import Foundation

/// The lexical rules of the protocol's strict JSON, shared by the two readers of a body:
/// ``JSONScanner``, which indexes any body for the generic decoder, and ``JSONReader``, which
/// reads the hot bodies in one pass. Each function reads from `from` in a buffer of valid
/// UTF-8 and returns where its piece ends, or the first problem and the byte it is at.
enum JSONLexer {
    /// Why a piece could not be read, and at which byte.
    struct Problem: Error {
        var reason: String
        var offset: Int
    }

    /// A string as lexed: `start..<end` between the quotes, its text `length` bytes long.
    struct Text {
        var start: Int
        var end: Int
        var length: Int
        /// Whether it has escapes, so its text is not simply its bytes.
        var escaped: Bool
        /// Whether it is plain ASCII without escapes (compared byte by byte).
        var ascii: Bool
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    /// Whether `word` (`true`, `false`, `null`) is at `index`.
    static func literal(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        return bytes.count - index >= count && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
    }

    /// The string whose characters start at `start` (after the opening quote); its `end`
    /// is the closing quote.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(Problem) -> Text {
        var end = start
        // Eight bytes at a time while none of them ends the plain run; then byte by byte.
        var high: UInt64 = 0
        while end + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)
            if endsPlainRun(word) { break }
            high |= word
            end += 8
        }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte < 0x20 { break }
            high |= UInt64(byte)
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            return Text(start: start, end: end, length: end - start, escaped: false, ascii: high & 0x8080_8080_8080_8080 == 0)
        }
        let (text, close) = try unescape(bytes, from: start)
        return Text(start: start, end: close, length: text.count, escaped: true, ascii: false)
    }

    /// Whether any of the eight bytes of `word` is a quote, a backslash or a control character.
    private static func endsPlainRun(_ word: UInt64) -> Bool {
        let (ones, highs): (UInt64, UInt64) = (0x0101_0101_0101_0101, 0x8080_8080_8080_8080)
        let (quote, backslash) = (word ^ (ones &* 0x22), word ^ (ones &* 0x5C))
        // A byte below n, for each test: (x - n per byte) & ~x & high bits (exact as a whole).
        let found = (quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word
        return found & highs != 0
    }

    /// The end of the number at `start`: RFC 8259's grammar, at most
    /// ``WireLimits/maxNumberLength`` characters, finite as a `Double`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(Problem) -> Int {
        var index = start
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw Problem(reason: "invalid number", offset: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw Problem(reason: "invalid number", offset: index)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Problem(reason: "invalid number", offset: index) }
        }
        var exponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            exponent = true
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw Problem(reason: "invalid number", offset: index) }
        }
        guard index - start <= WireLimits.maxNumberLength else {
            throw Problem(reason: "number longer than \(WireLimits.maxNumberLength) characters", offset: index)
        }
        // Without an exponent, at most 40 characters are always a finite Double: skip the conversion.
        if exponent {
            guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
                throw Problem(reason: "number out of range", offset: index)
            }
        }
        return index
    }

    /// A number's text (as ``number(_:from:)`` ends it) read as an `I`: ``IntegerReading/notInteger``
    /// for a fraction or exponent, else ``IntegerReading/outOfRange`` when it does not fit.
    @inline(__always)
    static func integer<I: FixedWidthInteger>(_ text: ArraySlice<UInt8>, as type: I.Type = I.self) -> IntegerReading<I> {
        let negative = !text.isEmpty && text[text.startIndex] == UInt8(ascii: "-")
        var value: I = 0
        var overflow = false
        for position in (negative ? text.startIndex + 1 : text.startIndex)..<text.endIndex {
            let byte = text[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .notInteger }
            let digit = I(byte - UInt8(ascii: "0"))
            var step = value.multipliedReportingOverflow(by: 10)
            overflow = overflow || step.overflow
            // Negative numbers accumulate downwards, so that I.min fits.
            step = negative ? step.partialValue.subtractingReportingOverflow(digit) : step.partialValue.addingReportingOverflow(digit)
            overflow = overflow || step.overflow
            value = step.partialValue
        }
        return overflow ? .outOfRange : .value(value)
    }

    enum IntegerReading<I> {
        case value(I)
        case notInteger
        case outOfRange
    }

    /// The text of the string whose characters start at `start` (after the opening quote),
    /// as UTF-8, and the index of its closing quote.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(Problem) -> (text: [UInt8], end: Int) {
        var index = start
        var out: [UInt8] = []
        func failure(_ reason: String) -> Problem { Problem(reason: reason, offset: index) }
        func hex4() throws(Problem) -> UInt32 {
            guard bytes.count - index >= 4 else { throw failure("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure("invalid hex digit in \\u escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                return (out, index)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[index]
                index += 1
                if let byte = unescaped(escape) {
                    out.append(byte)
                    continue
                }
                guard escape == UInt8(ascii: "u") else { throw failure("invalid escape") }
                let first = try hex4()
                var scalarValue = first
                if (0xD800...0xDBFF).contains(first) {
                    guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { throw failure("lone high surrogate") }
                    index += 2
                    let second = try hex4()
                    guard (0xDC00...0xDFFF).contains(second) else { throw failure("invalid low surrogate") }
                    scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(first) {
                    throw failure("lone low surrogate")
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("invalid code point") }
                out.append(contentsOf: String(Character(scalar)).utf8)
            case 0x00..<0x20:
                throw failure("control character in string")
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// The byte a two-character escape (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`)
    /// stands for, given the character after the backslash; `nil` for `u` and anything else.
    static func unescaped(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }
}
