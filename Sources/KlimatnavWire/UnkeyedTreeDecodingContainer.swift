/// The unkeyed container of ``TreeDecoder``: the items of an array, in order.
struct UnkeyedTreeDecodingContainer: UnkeyedDecodingContainer {
    let decoder: TreeDecoder
    let items: [JSONValue]
    private(set) var currentIndex = 0

    init(decoder: TreeDecoder, items: [JSONValue]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The key of the current item, for paths.
    private var indexKey: TreeCodingKey { TreeCodingKey(intValue: currentIndex) }

    /// The current item; `valueNotFound` at the end. Advance only once it is decoded.
    private func current(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: decoder.path(appending: indexKey), debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Any?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let flag = try current(type).bool(at: decoder.path(appending: indexKey))
        currentIndex += 1
        return flag
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let text = try current(type).string(at: decoder.path(appending: indexKey))
        currentIndex += 1
        return text
    }

    mutating func decode(_ type: Double.Type) throws -> Double { try floatingPoint() }
    mutating func decode(_ type: Float.Type) throws -> Float { try floatingPoint() }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private mutating func integer<I: FixedWidthInteger>() throws -> I {
        let number = try current(I.self).integer(I.self, at: decoder.path(appending: indexKey))
        currentIndex += 1
        return number
    }

    private mutating func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>() throws -> F {
        let number = try current(F.self).floatingPoint(F.self, at: decoder.path(appending: indexKey))
        currentIndex += 1
        return number
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try nextDecoder(type).decodeValue(T.self)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nextDecoder([String: Any].self).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nextDecoder([Any].self).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nextDecoder((any Decoder).self)
        currentIndex += 1
        return decoder
    }

    /// A decoder of the current item.
    private func nextDecoder(_ type: Any.Type) throws -> TreeDecoder {
        decoder.child(try current(type), key: indexKey, position: currentIndex)
    }
}
