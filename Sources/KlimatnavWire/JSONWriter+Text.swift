/// The scalars of ``JSONWriter`` and the sorting of an object's members.
extension JSONWriter {
    func literal(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    func string(_ text: String, depth: Int) {
        if limits != nil, text.utf8.count > WireLimits.maxStringBytes {
            let message = "string of \(text.utf8.count) bytes, limit \(WireLimits.maxStringBytes)"
            problems.append((WireError(.fieldTooLarge, message, frame: 3, path: codingPath(depth).wirePath()), bytes.count, false))
        }
        appendString(text)
    }

    /// An integer in decimal.
    func integer<I: FixedWidthInteger>(_ value: I) {
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
    func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ number: F, depth: Int) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: codingPath(depth), debugDescription: "Unable to encode \(F.self).\(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if limits != nil, text.utf8.count > WireLimits.maxNumberLength {
            problems.append(
                (WireError(.badJSON, "number longer than \(WireLimits.maxNumberLength) characters", frame: 3), bytes.count, true))
        }
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `text` as a JSON string, quoted and escaped as `JSONEncoder` does.
    func appendString(_ text: String) {
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

    /// Moves the members of the object `frame` (still open, its `}` not written) into sorted
    /// order, stable, dropping all but the last of a key written twice, and moves the offsets
    /// of the problems found in them along.
    func sortMembers(_ frame: Frame) {
        let (base, count) = (frame.base, frame.count)
        func compare(_ a: Int, _ b: Int) -> Int {
            let (x, y) = (members[base + a], members[base + b])
            return x.prefix != y.prefix ? (x.prefix < y.prefix ? -1 : 1) : Self.compare(x.key, y.key)
        }
        order.removeAll(keepingCapacity: true)
        var (moved, duplicates) = (false, false)
        for index in 0..<count {
            // Binary insertion after the equal keys, trying the end first.
            var (low, high) = (0, order.count)
            while low < high {
                let middle = low == 0 && high == order.count ? high - 1 : (low + high) / 2
                let sign = compare(index, order[middle])
                duplicates = duplicates || sign == 0
                if sign < 0 { high = middle } else { low = middle + 1 }
            }
            moved = moved || low < index
            order.insert(index, at: low)
        }
        guard moved || duplicates else { return }
        let (first, last) = (members[base].start, bytes.count)
        var newStart = [Int](repeating: -1, count: problems.isEmpty ? 0 : count)
        func end(_ index: Int) -> Int { index + 1 < count ? members[base + index + 1].start - 1 : last }
        scratch.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            for (position, index) in order.enumerated() {
                if duplicates, position + 1 < count, compare(order[position + 1], index) == 0 { continue }
                if !scratch.isEmpty { scratch.append(UInt8(ascii: ",")) }
                if !newStart.isEmpty { newStart[index] = first + scratch.count }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[members[base + index].start..<end(index)]))
            }
        }
        bytes.replaceSubrange(first..., with: scratch)
        problems = problems.compactMap { problem in
            guard problem.offset >= first, let index = (0..<count).first(where: { end($0) > problem.offset }) else { return problem }
            guard newStart[index] >= 0 else { return nil }
            return (problem.error, newStart[index] + problem.offset - members[base + index].start, problem.grammar)
        }
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
