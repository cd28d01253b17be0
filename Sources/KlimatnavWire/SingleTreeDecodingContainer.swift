/// The single-value container of ``TreeDecoder``: its value itself. A nested type decodes
/// with the same decoder, so what it reads counts for this value's object.
struct SingleTreeDecodingContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.value.bool(at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try decoder.value.string(at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.value.floatingPoint(type, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.value.floatingPoint(type, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.value.integer(type, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.value.integer(type, at: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
