import Foundation
import KlimatnavWire

/// Stable JSON for the database: sorted keys, no escaped slashes. Written by the wire codec's
/// ``CanonicalJSON``, the same bytes `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// writes (dates, which no stored entity has, would be seconds since 2001), without its cost.
enum JSONCoding {
    static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
