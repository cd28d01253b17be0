import Foundation

/// The `Decoder` of one value in a ``JSONValue`` tree (see ``JSONValueDecoder``).
///
/// A class, so the containers it hands out share what was read: a type may take several
/// containers from one decoder (``Delta`` does), and a single-value container decodes a
/// nested type with the same decoder. Paths are built from the parent links only when asked.
final class TreeDecoder: Decoder {
    let value: JSONValue
    let parent: TreeDecoder?
    let key: (any CodingKey)?
    /// The value's index among its parent's members or items; -1 for the top and for absent
    /// members (a `superDecoder` of a missing key).
    let position: Int
    let ledger: ReadLedger
    /// For an object: bit `i` is set when member `i` was asked for (members 0-63).
    private var readBits: UInt64 = 0
    /// For an object of more than 64 members: the same for members 64 and up.
    private var readBeyond: [Bool] = []

    init(_ value: JSONValue, parent: TreeDecoder? = nil, key: (any CodingKey)? = nil, position: Int = -1, ledger: ReadLedger) {
        self.value = value
        self.parent = parent
        self.key = key
        self.position = position
        self.ledger = ledger
        if case .object = value { ledger.register(self) }
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: TreeDecoder? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    /// `codingPath` and one more key, for an error about a member or item.
    func path(appending key: any CodingKey) -> [any CodingKey] { codingPath + [key] }

    /// The positions from the top down to this value: its place in document order.
    var documentPosition: [Int] {
        var positions: [Int] = []
        var node: TreeDecoder? = self
        while let current = node, current.parent != nil {
            positions.append(current.position)
            node = current.parent
        }
        return positions.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { ledger.userInfo }

    func child(_ value: JSONValue, key: any CodingKey, position: Int) -> TreeDecoder {
        TreeDecoder(value, parent: self, key: key, position: position, ledger: ledger)
    }

    func markRead(_ index: Int) {
        if index < 64 {
            readBits |= 1 << UInt64(index)
        } else {
            if readBeyond.isEmpty, case .object(let members) = value {
                readBeyond = Array(repeating: false, count: max(0, members.count - 64))
            }
            readBeyond[index - 64] = true
        }
    }

    func wasRead(_ index: Int) -> Bool {
        index < 64 ? readBits & (1 << UInt64(index)) != 0 : readBeyond.isEmpty ? false : readBeyond[index - 64]
    }

    /// Whether every one of `count` members was asked for (the common case, checked at once).
    func readAll(_ count: Int) -> Bool {
        count <= 64 ? readBits == (count == 64 ? UInt64.max : (1 << UInt64(count)) - 1) : false
    }

    /// Decodes a `T` from this decoder's value, with the special cases of `JSONDecoder`'s
    /// default strategies and fast paths for the common scalars.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try value.string(at: codingPath), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try value.integer(Int.self, at: codingPath), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try value.floatingPoint(Double.self, at: codingPath), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try value.bool(at: codingPath), to: T.self) }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try value.string(at: codingPath)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        if T.self == URL.self {
            guard let url = URL(string: try value.string(at: codingPath)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Invalid URL string."))
            }
            return url as! T
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw value.mismatch([String: Any].self, at: codingPath) }
        return KeyedDecodingContainer(KeyedTreeDecodingContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw value.mismatch([Any].self, at: codingPath) }
        return UnkeyedTreeDecodingContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleTreeDecodingContainer(decoder: self)
    }
}
