/// Writes an ``EncodingNode`` tree as canonical JSON, byte for byte as `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` does: members sorted by the UTF-8 bytes of their
/// keys (see ``compare(_:_:)``), no whitespace, `"` `\` and control characters escaped
/// (`\b \t \n \f \r`, else `\u00xx`), nothing else escaped (not `/`, DEL or U+2028).
///
/// With ``BodyLimits``, it also finds what a receiver would refuse in the text, in the
/// order a receiver checks: body size, then the grammar limits (nesting depth, number
/// length; `bad-json`), then the field limits (`field-too-large`, the first in document
/// order), so the body never has to be parsed again to check it.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []
    private let limits: BodyLimits?
    private var grammarProblem: WireError?
    private var limitProblem: WireError?

    init(limits: BodyLimits?) {
        self.limits = limits
        bytes.reserveCapacity(512)
    }

    /// The text of `root`, or the first problem a receiver would find in it.
    static func write(_ root: EncodingNode, limits: BodyLimits?) throws(WireError) -> [UInt8] {
        var writer = CanonicalJSONWriter(limits: limits)
        writer.write(root, depth: 0)
        if let limits, writer.bytes.count > limits.maxBytes {
            throw WireError(.frameTooLarge, "body is \(writer.bytes.count) bytes, limit \(limits.maxBytes)", frame: 3)
        }
        if let problem = writer.grammarProblem ?? writer.limitProblem { throw problem }
        return writer.bytes
    }

    /// Writes `node`, inside `depth` objects and arrays; an array may have `arrayLimit` items.
    private mutating func write(_ node: EncodingNode, depth: Int, arrayLimit: Int = WireLimits.maxArrayCount) {
        switch node.kind {
        case .unset, .object: writeObject(node, depth: depth + 1)
        case .array: writeArray(node, depth: depth + 1, limit: arrayLimit)
        case .scalar: write(node.scalar, path: node.codingPath)
        }
    }

    private mutating func write(
        _ slot: EncodingNode.Slot, depth: Int, arrayLimit: Int = WireLimits.maxArrayCount,
        path: @autoclosure () -> [any CodingKey]
    ) {
        switch slot {
        case .scalar(let scalar): write(scalar, path: path())
        case .node(let node): write(node, depth: depth, arrayLimit: arrayLimit)
        }
    }

    private mutating func writeObject(_ node: EncodingNode, depth: Int) {
        checkDepth(depth)
        bytes.append(UInt8(ascii: "{"))
        let members = node.members
        // Sorted by key, then by encoding order, so of a key encoded twice the last one is written.
        let order =
            members.count < 2
            ? Array(members.indices)
            : members.indices.sorted {
                let order = Self.compare(members[$0].key, members[$1].key)
                return order == 0 ? $0 < $1 : order < 0
            }
        var first = true
        for (position, index) in order.enumerated() {
            let member = members[index]
            if position + 1 < order.count, Self.compare(members[order[position + 1]].key, member.key) == 0 { continue }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            if limits != nil, member.key.utf8.count > WireLimits.maxStringBytes {
                limit(
                    WireError(
                        .fieldTooLarge, "key longer than \(WireLimits.maxStringBytes) bytes", frame: 3, path: node.codingPath.wirePath()))
            }
            writeString(member.key)
            bytes.append(UInt8(ascii: ":"))
            let arrayLimit = depth == 1 ? limits?.topArrayLimit ?? 0 : WireLimits.maxArrayCount
            write(member.value, depth: depth, arrayLimit: arrayLimit, path: node.codingPath + [WireCodingKey(stringValue: member.key)])
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func writeArray(_ node: EncodingNode, depth: Int, limit: Int) {
        checkDepth(depth)
        if limits != nil, node.items.count > limit {
            self.limit(
                WireError(
                    .fieldTooLarge, "array of \(node.items.count) elements, limit \(limit)", frame: 3, path: node.codingPath.wirePath()))
        }
        bytes.append(UInt8(ascii: "["))
        for (index, item) in node.items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(item, depth: depth, path: node.codingPath + [WireCodingKey(intValue: index)])
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func write(_ scalar: EncodedScalar, path: @autoclosure () -> [any CodingKey]) {
        switch scalar {
        case .string(let text):
            if limits != nil, text.utf8.count > WireLimits.maxStringBytes {
                limit(
                    WireError(
                        .fieldTooLarge, "string of \(text.utf8.count) bytes, limit \(WireLimits.maxStringBytes)",
                        frame: 3, path: path().wirePath()))
            }
            writeString(text)
        case .literal(let text):
            if limits != nil, grammarProblem == nil, text.utf8.count > WireLimits.maxNumberLength {
                grammarProblem = WireError(.badJSON, "number longer than \(WireLimits.maxNumberLength) characters", frame: 3)
            }
            bytes.append(contentsOf: text.utf8)
        }
    }

    private mutating func checkDepth(_ depth: Int) {
        if limits != nil, grammarProblem == nil, depth > WireLimits.maxDepth {
            grammarProblem = WireError(.badJSON, "nesting deeper than \(WireLimits.maxDepth)", frame: 3)
        }
    }

    private mutating func limit(_ problem: WireError) {
        if limitProblem == nil { limitProblem = problem }
    }

    private mutating func writeString(_ text: String) { Self.appendString(text, to: &bytes) }

    /// Appends `text` as a JSON string, quoted and escaped as `JSONEncoder` does. Shared with
    /// the fast body writers (``FlatObjectWriter``), so both write every string alike.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte, to: &bytes)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
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

    private static func escape(_ byte: UInt8, to bytes: inout [UInt8]) {
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
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}

/// The limits a body must keep (see ``WireLimits``): its size and the element limit for
/// arrays that are members of the body object (SNAPSHOT raises it).
struct BodyLimits {
    var maxBytes: Int
    var topArrayLimit: Int

    /// The limits of a message of `type`.
    static func of(type: String) -> BodyLimits {
        type == WireMessageType.snapshot.rawValue
            ? BodyLimits(maxBytes: WireLimits.maxSnapshotBodyBytes, topArrayLimit: WireLimits.maxSnapshotItems)
            : BodyLimits(maxBytes: WireLimits.maxBodyBytes, topArrayLimit: WireLimits.maxArrayCount)
    }
}
