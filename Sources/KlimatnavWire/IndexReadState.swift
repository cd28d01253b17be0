/// What one ``IndexDecoder`` run read: the index, a mark per key asked for, and the objects
/// decoded, to find the members no reader asked for once the whole body is decoded (so a
/// type error anywhere is still reported before an unknown field).
final class IndexReadState {
    let index: JSONIndex
    let userInfo: [CodingUserInfoKey: Any]
    /// Bit `i`: the key at token `i` was asked for.
    private var read: [UInt64]
    /// The objects decoded, by token.
    private var objects: [Int] = []

    init(_ index: JSONIndex, userInfo: [CodingUserInfoKey: Any]) {
        self.index = index
        self.userInfo = userInfo
        read = Array(repeating: 0, count: index.tokens.count / 64 + 1)
    }

    /// The token of the `null` that ``JSONScanner`` puts after the body, for absent members.
    var nullToken: Int { index.tokens.count - 1 }

    func markRead(_ key: Int) { read[key >> 6] |= 1 << UInt64(key & 63) }

    private func wasRead(_ key: Int) -> Bool { read[key >> 6] & (1 << UInt64(key & 63)) != 0 }

    /// Records that a reader decoded the object at `token`.
    func visit(_ token: Int) {
        if objects.last != token { objects.append(token) }
    }

    /// Throws for the first member, in document order, of a decoded object that no reader
    /// asked for: `unknown-field`, or `wrong-type` when its value is `null`.
    func finish() throws(WireError) {
        var first: Int?
        for object in objects {
            var key = object + 1
            for _ in 0..<index.tokens[object].count {
                if !wasRead(key) {
                    if first.map({ key < $0 }) ?? true { first = key }
                    break
                }
                key = Int(index.tokens[key + 1].next)
            }
        }
        guard let key = first else { return }
        let path = index.path(to: key)
        if index.tokens[key + 1].kind == .null {
            throw WireError(.wrongType, "found null; omit an optional field instead", frame: 3, path: path)
        }
        throw WireError(.unknownField, "no such field in this message", frame: 3, path: path)
    }
}
