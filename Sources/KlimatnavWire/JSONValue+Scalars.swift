/// Scalars read from a ``JSONValue`` for ``TreeDecoder`` and its containers, with the
/// `DecodingError` (and coding path, built only on failure) of a value of the wrong kind.
extension JSONValue {
    /// `valueNotFound` for a `null`, `typeMismatch` for anything else.
    func mismatch(_ type: Any.Type, at path: [any CodingKey]) -> DecodingError {
        if case .null = self {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(kindName) instead."))
    }

    func string(at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = self else { throw mismatch(String.self, at: path()) }
        return text
    }

    func bool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = self else { throw mismatch(Bool.self, at: path()) }
        return flag
    }

    /// An integer literal (no fraction, no exponent: the spec's rule for integer fields) that
    /// fits `I`. A fraction or exponent is a type mismatch; a literal out of range is
    /// `dataCorrupted` at the path.
    func integer<I: FixedWidthInteger>(_ type: I.Type, at path: @autoclosure () -> [any CodingKey]) throws -> I {
        guard case .number(let text) = self else { throw mismatch(I.self, at: path()) }
        if let number = I(text, radix: 10) { return number }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            throw mismatch(I.self, at: path())
        }
        throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(text) is not representable in \(I.self)."))
    }

    /// Any number literal, read with correct rounding; one that overflows `F` is
    /// `dataCorrupted` at the path.
    func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: F.Type, at path: @autoclosure () -> [any CodingKey]
    ) throws -> F {
        guard case .number(let text) = self else { throw mismatch(F.self, at: path()) }
        guard let number = F(text), number.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(text) does not fit in \(F.self)."))
        }
        return number
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
