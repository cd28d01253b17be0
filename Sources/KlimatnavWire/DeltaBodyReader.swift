import KlimatnavCore

/// Reads the body of a goal DELTA without the generic decoder: every party node (and the
/// dashboard) decodes every DELTA the hub publishes, and most carry a goal.
///
/// It reads only the canonical form, which the hub's forwarding
/// (``WireCodec/encodeDelta(stateSequence:by:event:body:)``) and the generic encoder both
/// write: `{"body":GOAL,"by":"PARTY","event":"goal"}` (`by` optional), where GOAL is an object
/// that ``GoalBodyReader`` reads to its exact end. Such a text is one JSON object with the
/// three members `Delta` reads, so the generic decoder returns the same value. Anything
/// else (other events, other key orders, whitespace, a body the goal reader refuses) returns
/// `nil`, and the caller decodes with ``BodyCoder`` as before.
enum DeltaBodyReader {
    private static let prefix = Array(#"{"body":"#.utf8)
    private static let goalSuffix = Array(#","event":"goal"}"#.utf8)
    private static let byKey = Array(#","by":""#.utf8)

    /// The DELTA in `bytes` (its header state sequence still 0), or `nil`.
    static func read(_ bytes: [UInt8]) -> Delta? {
        guard bytes.count > prefix.count + goalSuffix.count, bytes.starts(with: prefix),
            bytes[(bytes.count - goalSuffix.count)...].elementsEqual(goalSuffix),
            BodyCoder.invalidUTF8Offset(bytes) == nil
        else { return nil }
        var bodyEnd = bytes.count - goalSuffix.count
        var by: PartyID?
        if bytes[bodyEnd - 1] == UInt8(ascii: "\"") {
            // `,"by":"PARTY"` before the event: a party id has nothing to escape.
            let idEnd = bodyEnd - 1
            var idStart = idEnd
            while idStart > prefix.count, bytes[idStart - 1] != UInt8(ascii: "\"") { idStart -= 1 }
            let keyStart = idStart - byKey.count
            guard keyStart > prefix.count, bytes[keyStart..<idStart].elementsEqual(byKey),
                let party = PartyID(String(decoding: bytes[idStart..<idEnd], as: UTF8.self))
            else { return nil }
            by = party
            bodyEnd = keyStart
        }
        guard let reader = FlatObjectReader(validated: bytes, in: prefix.count..<bodyEnd),
            let goal = GoalBodyReader.read(reader)
        else { return nil }
        return Delta(stateSequence: 0, by: by, event: .goalAsserted(goal))
    }
}
