/// The canonical JSON text ``JSONWriter`` writes, in one growing byte buffer: no whitespace,
/// members sorted by the UTF-8 bytes of their keys, of a key written twice the last. Members
/// are written in encoding order; when an object closes, they are moved into sorted order.
///
/// An open object or array is a ``Frame``; the frames enclose the value being written. A frame
/// closes when a value in an outer frame is written or when the `encode(to:)` that opened it
/// returns, so nested containers must be used before their parent is used again (as
/// synthesized and this package's `Codable` code does).
///
/// With ``BodyLimits``, it also finds what a receiver would refuse: the body size, then the
/// grammar limits (nesting depth, number length; `bad-json`), then the field limits
/// (`field-too-large`), each the first in the text.
struct JSONBuffer {
    var bytes: [UInt8] = []
    let limits: BodyLimits?
    var frames: [Frame] = []
    var members: [Member] = []
    /// What a receiver would refuse, with the offset in `bytes` (kept up to date when moved).
    var problems: [(error: WireError, offset: Int, grammar: Bool)] = []

    struct Frame {
        var isObject: Bool
        var start: Int
        /// The frame's first member in ``members``.
        var base: Int
        var count = 0
        /// The key of the last member: with ``count``, the coding path of the value in it.
        var key: (any CodingKey)?
        /// Where a `superEncoder`'s value starts: `{}` is written there if it writes nothing.
        var pending = -1
    }

    struct Member {
        var key: String
        var start: Int
        /// The key's first 8 UTF-8 bytes, big-endian, zero-padded: most keys compare by it alone.
        var prefix: UInt64
    }

    init(limits: BodyLimits?) {
        self.limits = limits
        bytes.reserveCapacity(512)
    }

    func check() throws(WireError) {
        guard let limits else { return }
        if bytes.count > limits.maxBytes {
            throw WireError(.frameTooLarge, "body is \(bytes.count) bytes, limit \(limits.maxBytes)", frame: 3)
        }
        for grammar in [true, false] {
            if let first = problems.filter({ $0.grammar == grammar }).min(by: { $0.offset < $1.offset }) { throw first.error }
        }
    }

    /// The coding path of a value inside the first `depth` frames.
    func codingPath(_ depth: Int) -> [any CodingKey] {
        frames.prefix(depth).map { $0.isObject ? $0.key! : WireCodingKey(intValue: $0.count - 1) }
    }

    /// The number of members or items written in frame `level`.
    func count(_ level: Int) -> Int { frames[level].count }

    /// Opens an object or array as frame `depth` (or takes that frame if it is open already).
    mutating func open(object: Bool, depth: Int) -> Int {
        if frames.count > depth, frames[depth].isObject == object { return prepare(depth) }
        close(to: depth)
        if limits != nil, depth >= WireLimits.maxDepth {
            problems.append((WireError(.badJSON, "nesting deeper than \(WireLimits.maxDepth)", frame: 3), bytes.count, true))
        }
        frames.append(Frame(isObject: object, start: bytes.count, base: members.count))
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return depth
    }

    /// Starts the member `key` of the object in frame `level`; returns the depth of its value.
    @discardableResult mutating func member(_ key: some CodingKey, level: Int) -> Int {
        prepare(level)
        if frames[level].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[level].count += 1
        frames[level].key = key
        let text = key.stringValue
        let start = bytes.count
        if limits != nil, text.utf8.count > WireLimits.maxStringBytes {
            fieldTooLarge("key longer than \(WireLimits.maxStringBytes) bytes", level, at: start)
        }
        appendString(text)
        let prefix = text.utf8.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * $1.offset) }
        members.append(Member(key: text, start: start, prefix: prefix))
        bytes.append(UInt8(ascii: ":"))
        return level + 1
    }

    /// Starts the next item of the array in frame `level`; returns the depth of its value.
    @discardableResult mutating func item(level: Int) -> Int {
        prepare(level)
        if frames[level].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[level].count += 1
        return level + 1
    }

    /// Marks the value just started in frame `level` as a `superEncoder`'s.
    mutating func superValue(level: Int) { frames[level].pending = bytes.count }

    /// Closes the frames above `level` so that frame `level` can take a value.
    @discardableResult private mutating func prepare(_ level: Int) -> Int {
        close(to: level + 1)
        if frames[level].pending == bytes.count { bytes.append(contentsOf: "{}".utf8) }
        frames[level].pending = -1
        return level
    }

    /// Closes frames until `count` are open.
    mutating func close(to count: Int) {
        while frames.count > count {
            prepare(frames.count - 1)
            let frame = frames.removeLast()
            if frame.isObject {
                if frame.count > 1 { sortMembers(frame) }
                members.removeSubrange(frame.base...)
            } else if let limits {
                let limit = frames.count == 1 && frames[0].isObject ? limits.topArrayLimit : WireLimits.maxArrayCount
                if frame.count > limit { fieldTooLarge("array of \(frame.count) elements, limit \(limit)", frames.count, at: frame.start) }
            }
            bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    private mutating func fieldTooLarge(_ text: String, _ depth: Int, at offset: Int) {
        problems.append((WireError(.fieldTooLarge, text, frame: 3, path: codingPath(depth).wirePath()), offset, false))
    }
}
