/// The unkeyed container of ``IndexDecoder``: the items of an array, in order.
struct IndexUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: IndexDecoder
    let array: Int
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0
    /// The token of the current item.
    private var item: Int

    init(decoder: IndexDecoder, array: Int, codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.array = array
        self.codingPath = codingPath
        item = array + 1
    }

    var count: Int? { Int(decoder.index.tokens[array].count) }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    private var path: [any CodingKey] { codingPath + [WireCodingKey(intValue: currentIndex)] }

    /// The current item's token, and the next one made current; `wrong-type` at the end.
    private mutating func advance(_ type: Any.Type) throws(WireError) -> Int {
        guard !isAtEnd else { throw WireError(.wrongType, "expected \(jsonName(of: type)), found null", frame: 3, path: path.wirePath()) }
        let current = item
        item = Int(decoder.index.tokens[item].next)
        currentIndex += 1
        return current
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw WireError(.wrongType, "expected Optional<Any>, found null", frame: 3, path: path.wirePath()) }
        guard decoder.isNull(item) else { return false }
        _ = try advance(Any?.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try value(type) }
    mutating func decode(_ type: String.Type) throws -> String { try value(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try value(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try value(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try value(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try value(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try value(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try value(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try value(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try value(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try value(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try value(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try value(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try value(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }

    private mutating func value<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decoder.decode(T.self, at: try peek(T.self), path: self.path)
        _ = try advance(T.self)
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try IndexDecoder(decoder.state, token: try peek([String: Any].self), codingPath: path).container(keyedBy: type)
        _ = try advance(type)
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try IndexDecoder(decoder.state, token: try peek([Any].self), codingPath: path).unkeyedContainer()
        _ = try advance([Any].self)
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let token = try peek((any Decoder).self)
        if decoder.index.tokens[token].kind == .object { decoder.state.visit(token) }
        let superDecoder = IndexDecoder(decoder.state, token: token, codingPath: path)
        _ = try advance((any Decoder).self)
        return superDecoder
    }

    /// The current item's token; `wrong-type` at the end. Advance only once it is decoded.
    private func peek(_ type: Any.Type) throws(WireError) -> Int {
        guard !isAtEnd else { throw WireError(.wrongType, "expected \(jsonName(of: type)), found null", frame: 3, path: path.wirePath()) }
        return item
    }
}
