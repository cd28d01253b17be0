/// Reads one flat JSON object in the form this codec writes (no whitespace, no `null`, no
/// `\u` escapes, no nesting beyond an array of integers), for the fast body readers
/// (``GoalBodyReader``, ``AckBodyReader``).
///
/// It accepts only what ``JSONScanner`` accepts, and reads it to the same values: valid
/// UTF-8 (checked up front with the generic path's own check), strict JSON grammar, strings
/// within ``WireLimits/maxStringBytes``, numbers within ``WireLimits/maxNumberLength``,
/// integers without fraction or exponent that fit their type, finite doubles. Anything else
/// (whitespace included) makes a read return `nil`, so that the caller hands the body to the
/// generic decoder, which accepts it or reports the exact error it always did.
struct FlatObjectReader {
    private let bytes: [UInt8]
    private var index: Int
    /// The end of the object's text: the end of the body, or of a nested object's span.
    private let end: Int
    private var started = false
    private var closed = false
    private var failed = false

    /// A reader of `bytes`, or `nil` unless they start with `{` and are valid UTF-8.
    init?(_ bytes: [UInt8]) {
        guard BodyCoder.invalidUTF8Offset(bytes) == nil else { return nil }
        self.init(validated: bytes, in: bytes.indices)
    }

    /// A reader of the object that must span exactly `range` of `bytes`, which the caller
    /// has checked to be valid UTF-8; `nil` unless the range starts with `{`.
    init?(validated bytes: [UInt8], in range: Range<Int>) {
        guard !range.isEmpty, bytes[range.lowerBound] == UInt8(ascii: "{") else { return nil }
        self.bytes = bytes
        index = range.lowerBound + 1
        end = range.upperBound
    }

    /// Whether the object was read to its `}` and that was the last byte of its span.
    var isComplete: Bool { !failed && closed && index == end }

    /// The byte range of the next member's key (its value is next to read), or `nil` at the
    /// closing `}` or on anything unexpected (then ``isComplete`` is false).
    mutating func nextKey() -> Range<Int>? {
        guard !failed, !closed, index < end else { return fail() }
        if started {
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; closed = true; return nil
            default: return fail()
            }
        } else {
            started = true
            if bytes[index] == UInt8(ascii: "}") { index += 1; closed = true; return nil }
        }
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { return fail() }
        let start = index + 1
        var close = start
        while close < end, bytes[close] != UInt8(ascii: "\"") {
            guard bytes[close] >= 0x20, bytes[close] != UInt8(ascii: "\\") else { return fail() }
            close += 1
        }
        guard close + 1 < end, bytes[close + 1] == UInt8(ascii: ":") else { return fail() }
        index = close + 2
        return start..<close
    }

    /// Whether the key at `range` is `key`.
    func matches(_ range: Range<Int>, _ key: [UInt8]) -> Bool {
        range.count == key.count && bytes[range].elementsEqual(key)
    }

    private mutating func fail<T>() -> T? {
        failed = true
        return nil
    }

    /// A string value, its escapes (but `\u`) resolved; at most ``WireLimits/maxStringBytes``.
    mutating func string() -> String? {
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { return fail() }
        let start = index + 1
        var close = start
        while close < end, bytes[close] != UInt8(ascii: "\""), bytes[close] != UInt8(ascii: "\\"), bytes[close] >= 0x20 { close += 1 }
        guard close < end else { return fail() }
        if bytes[close] == UInt8(ascii: "\"") {
            guard close - start <= WireLimits.maxStringBytes else { return fail() }
            index = close + 1
            return String(decoding: bytes[start..<close], as: UTF8.self)
        }
        guard bytes[close] == UInt8(ascii: "\\") else { return fail() }
        var out = Array(bytes[start..<close])
        index = close
        while index < end {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard out.count <= WireLimits.maxStringBytes else { return fail() }
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < end else { return fail() }
                let escape = bytes[index]
                index += 1
                guard let byte = JSONScanner.unescaped(escape) else { return fail() }
                out.append(byte)
            case 0x00..<0x20:
                return fail()
            default:
                out.append(byte)
            }
        }
        return fail()
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return fail()
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard end - index >= length else { return false }
        let equal = word.withUTF8Buffer { bytes[index..<index + length].elementsEqual($0) }
        if equal { index += length }
        return equal
    }

    /// An integer literal (`-?(0|[1-9][0-9]*)`, no fraction or exponent) that fits `I`.
    mutating func integer<I: FixedWidthInteger>(_ type: I.Type = I.self) -> I? {
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") {
            guard I.isSigned else { return fail() }
            negative = true
            index += 1
        }
        let start = index
        var value: I = 0
        while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            let digit = I(bytes[index] - UInt8(ascii: "0"))
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            // Negative numbers accumulate downwards, so that I.min fits.
            let (sum, overflow2) = negative ? product.subtractingReportingOverflow(digit) : product.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return fail() }
            value = sum
            index += 1
        }
        guard index > start, bytes[start] != UInt8(ascii: "0") || index == start + 1 else { return fail() }
        // A fraction or exponent makes the literal no integer (the generic decoder refuses it).
        if index < end, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return fail() }
        return value
    }

    /// Any number literal within ``WireLimits/maxNumberLength`` that is a finite `Double`,
    /// read as the generic decoder reads it (`Double(text)`, correctly rounded).
    mutating func double() -> Double? {
        let start = index
        func digits() -> Int {
            let from = index
            while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { return fail() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return fail()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return fail() }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return fail() }
        }
        guard index - start <= WireLimits.maxNumberLength,
            let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite
        else { return fail() }
        return value
    }

    /// An array of integer literals (see ``integer(_:)``), at most `limit` of them.
    mutating func integers(limit: Int) -> [Int]? {
        guard index < end, bytes[index] == UInt8(ascii: "[") else { return fail() }
        index += 1
        var values: [Int] = []
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return values
        }
        while true {
            guard let value = integer(Int.self) else { return nil }
            values.append(value)
            guard values.count <= limit, index < end else { return fail() }
            index += 1
            switch bytes[index - 1] {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return values
            default: return fail()
            }
        }
    }
}
