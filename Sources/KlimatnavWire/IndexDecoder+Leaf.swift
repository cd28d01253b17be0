import Foundation
import KlimatnavCore

/// The values ``IndexDecoder`` reads itself, without their `init(from:)`: JSON scalars,
/// party ids, string enums, and `Data` and `URL` as `JSONDecoder`'s default strategies do.
extension IndexDecoder {
    /// The other values read from `token` without their `init(from:)` (see ``decode(_:at:path:)``
    /// for the frequent ones), or `nil` when `T` decodes itself.
    func leaf<T: Decodable>(_ type: T.Type, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> Any? {
        if let enumType = T.self as? any (CaseIterable & RawRepresentable).Type,
            let value = try enumValue(enumType, at: token, path: path)
        {
            return value
        }
        if let integerType = T.self as? any FixedWidthInteger.Type {
            // The other integer types; their own `init(from:)` would ask this decoder again.
            return try integer(integerType, at: token, path: path)
        }
        if T.self == Float.self { return try floatingPoint(Float.self, at: token, path: path) }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(at: token, path: path)) else {
                throw WireError(.invalidValue, "Encountered Data is not valid Base64.", frame: 3, path: path().wirePath())
            }
            return data
        }
        if T.self == URL.self {
            guard let url = URL(string: try string(at: token, path: path)) else {
                throw WireError(.invalidValue, "Invalid URL string.", frame: 3, path: path().wirePath())
            }
            return url
        }
        return nil
    }

    /// A string enum's case, or `unknown-value` naming the allowed values; `nil` for other enums.
    private func enumValue<E: CaseIterable & RawRepresentable>(
        _ type: E.Type, at token: Int, path: () -> [any CodingKey]
    ) throws(WireError) -> E? {
        guard E.RawValue.self == String.self else { return nil }
        let text = try string(at: token, path: path)
        if let value = E(rawValue: text as! E.RawValue) { return value }
        let allowed = E.allCases.map { "\($0.rawValue)" }.joined(separator: ", ")
        throw WireError(.unknownValue, "unknown value '\(text)'; expected one of \(allowed)", frame: 3, path: path().wirePath())
    }

    func string(at token: Int, path: () -> [any CodingKey]) throws(WireError) -> String {
        guard index.tokens[token].kind == .string else { throw mismatch("string", at: token, path: path()) }
        return index.string(token)
    }

    func bool(at token: Int, path: () -> [any CodingKey]) throws(WireError) -> Bool {
        switch index.tokens[token].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch("boolean", at: token, path: path())
        }
    }

    /// An integer literal (no fraction, no exponent: the spec's rule for integer fields)
    /// that fits `I`; one that does not fit is `invalid-value`.
    func integer<I: FixedWidthInteger>(_ type: I.Type, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> I {
        let number = index.tokens[token]
        guard number.kind == .number else { throw mismatch("integer", at: token, path: path()) }
        switch JSONLexer.integer(index.bytes[Int(number.start)..<Int(number.end)], as: I.self) {
        case .value(let value): return value
        case .notInteger: throw mismatch("integer", at: token, path: path())
        case .outOfRange:
            throw WireError(
                .invalidValue,
                "\(index.numberText(token)) is out of range for this integer field (at most 64 bits; sequences are unsigned)",
                frame: 3, path: path().wirePath())
        }
    }

    /// Any number literal, read with correct rounding; one that overflows `F` is `invalid-value`.
    func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: F.Type, at token: Int, path: () -> [any CodingKey]
    ) throws(WireError) -> F {
        guard index.tokens[token].kind == .number else { throw mismatch("number", at: token, path: path()) }
        let text = index.numberText(token)
        guard let number = F(text), number.isFinite else {
            throw WireError(
                .invalidValue, "\(text) is out of range for this integer field (at most 64 bits; sequences are unsigned)", frame: 3,
                path: path().wirePath())
        }
        return number
    }

    /// Whether `token` is `null`.
    func isNull(_ token: Int) -> Bool { index.tokens[token].kind == .null }
}
