/// What one ``JSONValueDecoder`` run read: every decoder of an object value, to find the
/// members no container asked for once the whole value is decoded (so a type error anywhere
/// is still reported before an unknown field, as when the check compared trees).
final class ReadLedger {
    let userInfo: [CodingUserInfoKey: Any]
    private var objects: [TreeDecoder] = []

    init(userInfo: [CodingUserInfoKey: Any]) { self.userInfo = userInfo }

    func register(_ decoder: TreeDecoder) { objects.append(decoder) }

    /// Decoders still registered (none once ``finish()`` ran).
    var registeredCount: Int { objects.count }

    /// Lets go of the registered decoders, which hold this ledger: breaks the cycle.
    func finish() { objects.removeAll() }

    /// Throws for the first member, in document order, that no decoder of its object asked
    /// for: `unknown-field`, or `wrong-type` when its value is `null`.
    func checkEveryMemberRead() throws(WireError) {
        var first: (position: [Int], decoder: TreeDecoder, index: Int)?
        for decoder in objects {
            guard case .object(let members) = decoder.value, !decoder.readAll(members.count) else { continue }
            guard let index = members.indices.first(where: { !wasRead($0, of: decoder) }) else { continue }
            let position = decoder.documentPosition + [index]
            if first.map({ position.lexicographicallyPrecedes($0.position) }) ?? true {
                first = (position, decoder, index)
            }
        }
        guard let (_, decoder, index) = first, case .object(let members) = decoder.value else { return }
        let path = decoder.path(appending: TreeCodingKey(stringValue: members[index].key)).wirePath()
        if members[index].value.isNull {
            throw WireError(.wrongType, "found null; omit an optional field instead", frame: 3, path: path)
        }
        throw WireError(.unknownField, "no such field in this message", frame: 3, path: path)
    }

    /// Whether member `index` of `decoder`'s object was asked for by it or by another decoder
    /// of the same object (a type may decode one member twice, or try one type then another).
    private func wasRead(_ index: Int, of decoder: TreeDecoder) -> Bool {
        if decoder.wasRead(index) { return true }
        let position = decoder.documentPosition
        return objects.contains { $0 !== decoder && $0.wasRead(index) && $0.documentPosition == position }
    }
}
