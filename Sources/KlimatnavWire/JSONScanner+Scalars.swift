/// Numbers and the text of strings with escapes, for ``JSONScanner`` and ``JSONIndex``.
extension JSONScanner {
    /// Why a string's text could not be read, and at which byte.
    struct StringProblem: Error {
        var reason: String
        var offset: Int
    }

    mutating func number() throws(WireError) {
        let start = index
        func digits(_ scanner: inout JSONScanner) -> Int {
            let from = scanner.index
            while scanner.index < scanner.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scanner.bytes[scanner.index]) {
                scanner.index += 1
            }
            return scanner.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw failure("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw failure("invalid number")
        }
        var integer = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            integer = false
            guard digits(&self) > 0 else { throw failure("invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            integer = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure("invalid number") }
        }
        guard index - start <= WireLimits.maxNumberLength else {
            throw failure("number longer than \(WireLimits.maxNumberLength) characters")
        }
        // An integer of at most 40 digits is always a finite Double: skip the conversion.
        if !integer {
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw failure("number out of range") }
        }
        append(.number, start, index)
    }

    /// The text of the string whose characters start at `start` (after the opening quote),
    /// as UTF-8, and the index of its closing quote; or the first problem in it.
    static func unescape(_ bytes: [UInt8], from start: Int) throws(StringProblem) -> (text: [UInt8], end: Int) {
        var index = start
        var out: [UInt8] = []
        func failure(_ reason: String) -> StringProblem { StringProblem(reason: reason, offset: index) }
        func hex4() throws(StringProblem) -> UInt32 {
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
                switch escape {
                case UInt8(ascii: "u"):
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
                default: throw failure("invalid escape")
                }
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
