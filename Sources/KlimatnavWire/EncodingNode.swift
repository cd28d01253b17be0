/// A value being encoded by ``CanonicalJSON``: containers hand out child nodes that fill in
/// later (a nested container or a `superEncoder` outlives the call that made it), so the
/// text is written only once the whole value is encoded. Scalars that are encoded directly
/// stay inline in their parent's members or items, without a node of their own.
final class EncodingNode {
    enum Kind { case unset, scalar, object, array }

    /// A member or item: a scalar written as is, or a node.
    enum Slot {
        case scalar(EncodedScalar)
        case node(EncodingNode)
    }

    /// Unowned: a parent owns its children, and the root (held by ``CanonicalJSON``) outlives
    /// the whole tree while it is built.
    unowned let parent: EncodingNode?
    let key: (any CodingKey)?
    private(set) var kind = Kind.unset
    private(set) var scalar = EncodedScalar.literal("null")
    /// Object members in encoding order; the writer sorts them, and a key encoded twice takes
    /// its last value (as in `JSONEncoder`).
    private(set) var members: [(key: String, value: Slot)] = []
    private(set) var items: [Slot] = []

    init(parent: EncodingNode? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: EncodingNode? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    func setScalar(_ value: EncodedScalar) {
        kind = .scalar
        scalar = value
        members = []
        items = []
    }

    func makeObject() {
        guard kind != .object else { return }
        kind = .object
        items = []
    }

    func makeArray() {
        guard kind != .array else { return }
        kind = .array
        members = []
    }

    func add(_ key: some CodingKey, _ value: EncodedScalar) {
        makeObject()
        members.append((key.stringValue, .scalar(value)))
    }

    /// A new member node (a nested container, a `superEncoder` or an `Encodable` value).
    func addNode(_ key: some CodingKey) -> EncodingNode {
        makeObject()
        let node = EncodingNode(parent: self, key: key)
        members.append((key.stringValue, .node(node)))
        return node
    }

    func append(_ value: EncodedScalar) {
        makeArray()
        items.append(.scalar(value))
    }

    func appendNode() -> EncodingNode {
        makeArray()
        let node = EncodingNode(parent: self, key: WireCodingKey(intValue: items.count))
        items.append(.node(node))
        return node
    }

    var count: Int { kind == .array ? items.count : 0 }
}

/// A scalar as it will be written: a string (escaped when written) or a literal (a number,
/// `true`, `false`, `null`) written as is.
enum EncodedScalar {
    case string(String)
    case literal(String)
}
