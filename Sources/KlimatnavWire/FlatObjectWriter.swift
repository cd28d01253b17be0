/// Writes one flat JSON object member by member, for the fast body writers
/// (``GoalBodyWriter``, ``AckBodyWriter``): the hot bodies skip the `Codable` tree of
/// ``JSONWriter``, which costs several µs a message.
///
/// Every value is written with the same functions the generic path uses (string escaping
/// and numbers from ``JSONBuffer``), so the bytes are the same.
/// The caller must add the members in canonical key order. A value the receiver would refuse
/// (a string or array over the limits, a non-finite number) is not written: it sets
/// ``needsGeneric``, and the caller encodes the value with ``BodyCoder`` instead, which
/// reports the problem exactly as before.
struct FlatObjectWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether a value was out of what this writer handles: the result must not be used.
    private(set) var needsGeneric = false
    private var empty = true

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// The finished object, or `nil` when the generic encoder must write it (see
    /// ``needsGeneric``) or when it is larger than `maxBytes`.
    mutating func finish(maxBytes: Int) -> [UInt8]? {
        bytes.append(UInt8(ascii: "}"))
        guard !needsGeneric, bytes.count <= maxBytes else { return nil }
        return bytes
    }

    /// `,"key":` (no comma before the first member). Keys are plain ASCII, written as is.
    private mutating func key(_ key: StaticString) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        guard value.utf8.count <= WireLimits.maxStringBytes else { needsGeneric = true; return }
        self.key(key)
        JSONBuffer.appendString(value, to: &bytes)
    }

    mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func integer<I: FixedWidthInteger>(_ key: StaticString, _ value: I?) {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func double(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        let text = JSONBuffer.text(value)
        guard value.isFinite, text.utf8.count <= WireLimits.maxNumberLength else { needsGeneric = true; return }
        self.key(key)
        bytes.append(contentsOf: text.utf8)
    }

    /// An array of integers, at most `limit` of them.
    mutating func integers(_ key: StaticString, _ values: [Int]?, limit: Int) {
        guard let values else { return }
        guard values.count <= limit else { needsGeneric = true; return }
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(value).utf8)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
