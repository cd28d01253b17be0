import KlimatnavCore

/// Reads and writes frame 3, the JSON body, with the protocol's strict rules: valid UTF-8,
/// strict JSON, an object at the top, limits (``JSONScanner``), exact types, no unknown
/// fields and no `null`s (``IndexDecoder``). Canonical output: sorted keys, no whitespace,
/// no escaped slashes (``JSONWriter``).
enum BodyCoder {
    /// The `userInfo` key that passes a domain event's name to ``DomainBody``.
    static let eventNameKey = CodingUserInfoKey(rawValue: "klimatnav.wire.eventName")!

    /// The canonical text of `value` (``JSONWriter``), or the first thing in it that a
    /// receiver would refuse under `limits`.
    static func encode<T: Encodable>(_ value: T, limits: BodyLimits) throws(WireError) -> [UInt8] {
        do {
            return try JSONWriter.write(value, limits: limits)
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.invalidValue, "cannot encode body: \(error)", frame: 3)
        }
    }

    /// The value in frame 3 (see ``IndexDecoder/decodeBody(_:from:eventName:topArrayLimit:)``).
    static func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], eventName: String? = nil,
        topArrayLimit: Int = WireLimits.maxArrayCount
    ) throws(WireError) -> T {
        try IndexDecoder.decodeBody(T.self, from: bytes, eventName: eventName, topArrayLimit: topArrayLimit)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or `nil`.
    static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        // Bodies are mostly ASCII: skip a run of it eight bytes at a time.
        var offset = bytes.withUnsafeBytes { raw in
            var start = 0
            while start + 8 <= raw.count,
                raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                start += 8
            }
            return start
        }
        while offset < bytes.count {
            // ASCII bytes are valid on their own; only other sequences need the parser.
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[offset...].makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
        return nil
    }
}

/// The body of a domain message: a `DomainEvent` whose name comes from frame 1.
struct DomainBody: Codable {
    var event: DomainEvent

    init(_ event: DomainEvent) { self.event = event }

    init(from decoder: any Decoder) throws {
        guard let name = decoder.userInfo[BodyCoder.eventNameKey] as? String else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no event name"))
        }
        event = try DomainEvent.decode(name: name, from: decoder)
    }

    func encode(to encoder: any Encoder) throws { try event.encodeBody(to: encoder) }
}
