/// The scalars of ``JSONBuffer`` and the sorting of an object's members.
extension JSONBuffer {
    mutating func literal(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func string(_ text: String, depth: Int) {
        if limits != nil, text.utf8.count > WireLimits.maxStringBytes {
            let message = "string of \(text.utf8.count) bytes, limit \(WireLimits.maxStringBytes)"
            problems.append((WireError(.fieldTooLarge, message, frame: 3, path: codingPath(depth).wirePath()), bytes.count, false))
        }
        appendString(text)
    }

    /// An integer in decimal.
    mutating func integer<I: FixedWidthInteger>(_ value: I) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// A number as `JSONEncoder` writes it: Swift's shortest round-trip `description`
    /// without a trailing `.0` (`1e-05`, `1e+16`, `0.5`, `2030`, `-0`). Non-finite numbers throw.
    mutating func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ number: F, depth: Int) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: codingPath(depth), debugDescription: "Unable to encode \(F.self).\(number) directly in JSON."))
        }
        let text = Self.text(number)
        if limits != nil, text.utf8.count > WireLimits.maxNumberLength {
            problems.append(
                (WireError(.badJSON, "number longer than \(WireLimits.maxNumberLength) characters", frame: 3), bytes.count, true))
        }
        bytes.append(contentsOf: text.utf8)
    }

    /// A finite number's text (see ``number(_:depth:)``).
    static func text<F: BinaryFloatingPoint & CustomStringConvertible>(_ number: F) -> String {
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    mutating func appendString(_ text: String) { Self.appendString(text, to: &bytes) }

    /// Appends `text` as a JSON string, quoted and escaped as `JSONEncoder` does (also for
    /// ``FlatObjectWriter``).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                    ])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Moves the members of the object `frame` (still open) into sorted order, stable, keeps
    /// only the last of a key written twice, and moves the problems found in them along.
    mutating func sortMembers(_ frame: Frame) {
        let members = members[frame.base...]
        if zip(members, members.dropFirst()).allSatisfy({ Self.order($0, $1) < 0 }) { return }
        let order = members.indices.sorted {
            let order = Self.order(members[$0], members[$1])
            return order == 0 ? $0 < $1 : order < 0
        }
        let (first, last) = (members[frame.base].start, bytes.count)
        func end(_ index: Int) -> Int { index + 1 < members.endIndex ? members[index + 1].start - 1 : last }
        var text: [UInt8] = []
        text.reserveCapacity(last - first)
        var moved: [Int: Int] = [:]
        for (position, index) in order.enumerated() {
            if position + 1 < order.count, Self.order(members[order[position + 1]], members[index]) == 0 { continue }
            if !text.isEmpty { text.append(UInt8(ascii: ",")) }
            if !problems.isEmpty { moved[index] = first + text.count }
            text.append(contentsOf: bytes[members[index].start..<end(index)])
        }
        bytes.replaceSubrange(first..., with: text)
        problems = problems.compactMap { problem in
            guard problem.offset >= first, let index = members.indices.first(where: { end($0) > problem.offset }) else { return problem }
            return moved[index].map { (problem.error, $0 + problem.offset - members[index].start, problem.grammar) }
        }
    }

    /// The order of two members' keys: most differ in their first 8 bytes.
    static func order(_ x: Member, _ y: Member) -> Int {
        x.prefix != y.prefix ? (x.prefix < y.prefix ? -1 : 1) : compare(x.key, y.key)
    }

    /// The order of keys in `JSONEncoder`'s sorted output: by UTF-8 bytes (code points), not
    /// normalized (`String`'s `<` would put `e\u{301}` after `\u{e5}`). Negative, 0 or positive.
    static func compare(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] {
                    return x[index] < y[index] ? -1 : 1
                }
                return x.count - y.count
            }
        }
    }
}
