import KlimatnavCore

/// Reads a goal DELTA without the generic decoder: every party node (and the dashboard)
/// decodes every DELTA the hub publishes, and most carry a goal.
///
/// It reads the members in the canonical order the hub writes them,
/// `{"body":GOAL,"by":"PARTY","event":"goal"}` (`by` optional), the three members `Delta`
/// reads, with GOAL read by ``GoalBodyReader``. Anything else (other events, other members
/// or order, escapes in the event's name, a body the goal reader refuses) returns `nil`, and the caller decodes with the
/// generic decoder.
enum DeltaBodyReader {
    private static let (bodyKey, byKey, eventKey) = (Array("body".utf8), Array("by".utf8), Array("event".utf8))
    private static let goalName = Array("goal".utf8)

    /// The DELTA in `bytes`, with the header's `stateSequence`, or `nil`.
    static func read(_ bytes: [UInt8], stateSequence: UInt64 = 0) -> Delta? {
        guard var reader = JSONReader(bytes), var members = reader.beginObject(),
            let body = reader.nextKey(&members), reader.key(body, is: bodyKey), let goal = GoalBodyReader.read(&reader)
        else { return nil }
        var by: PartyID?
        var key = reader.nextKey(&members)
        if let byKey = key, reader.key(byKey, is: Self.byKey) {
            guard let party = reader.string().flatMap(PartyID.init) else { return nil }
            by = party
            key = reader.nextKey(&members)
        }
        guard let event = key, reader.key(event, is: eventKey), reader.string(is: goalName),
            reader.nextKey(&members) == nil, members.closed, reader.isAtEnd()
        else { return nil }
        return Delta(stateSequence: stateSequence, by: by, event: .goalAsserted(goal))
    }
}
