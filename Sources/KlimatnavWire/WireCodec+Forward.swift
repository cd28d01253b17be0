import KlimatnavCore

extension WireCodec {
    /// A DELTA built around the frame-3 bytes of a domain message the hub accepted, without
    /// decoding and encoding the event again: `{"body":BODY,"by":"PARTY","event":"NAME"}`
    /// (keys in canonical order). `body` must be a body that ``decode(frames:)`` accepted for
    /// the event `name`; the DELTA is canonical JSON when that body was.
    ///
    /// Throws `frame-too-large` or `bad-json` when the DELTA would break a limit that the
    /// domain message met (the extra bytes and the extra level of nesting).
    public static func encodeDelta(
        stateSequence: UInt64, by party: PartyID?, event name: String, body: [UInt8]
    ) throws(WireError) -> [[UInt8]] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 48 + (party?.rawValue.utf8.count ?? 0))
        out += #"{"body":"#.utf8
        out += body
        if let party {
            // Party ids are lowercase letters, digits and hyphens: nothing to escape.
            out += #","by":""#.utf8
            out += party.rawValue.utf8
            out += "\"".utf8
        }
        out += #","event":""#.utf8
        out += name.utf8
        out += "\"}".utf8
        guard out.count <= WireLimits.maxBodyBytes else {
            throw WireError(.frameTooLarge, "DELTA body would be \(out.count) bytes, limit \(WireLimits.maxBodyBytes)", frame: 3)
        }
        guard nestingDepth(body) < WireLimits.maxDepth else {
            throw WireError(.badJSON, "DELTA body would nest deeper than \(WireLimits.maxDepth)", frame: 3)
        }
        let frames = [frame0, Array(WireMessageType.delta.rawValue.utf8), header(stateSequence), out]
        #if DEBUG
        // Debug builds (and so every test) prove that subscribers accept it.
        _ = try decode(frames: frames)
        #endif
        return frames
    }

    /// The deepest nesting of objects and arrays in a valid JSON text (outside strings).
    static func nestingDepth(_ json: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in json {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
