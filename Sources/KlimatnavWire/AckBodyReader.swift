/// Reads an ACK body (`{}` or `{"stateSequence":N}`) without the generic decoder: nodes
/// read one for every domain message they send. Returns `nil` for anything else (see
/// ``FlatObjectReader``); the caller then decodes with ``BodyCoder``, which accepts what it
/// always accepted and refuses the rest with the same error as before.
enum AckBodyReader {
    private static let stateSequenceKey = Array("stateSequence".utf8)

    /// The ACK in `bytes` (its header sequence still 0), or `nil`.
    static func read(_ bytes: [UInt8]) -> Ack? {
        guard var reader = FlatObjectReader(bytes) else { return nil }
        var stateSequence: UInt64?
        while let key = reader.nextKey() {
            guard stateSequence == nil, reader.matches(key, stateSequenceKey),
                let value = reader.integer(UInt64.self)
            else { return nil }
            stateSequence = value
        }
        guard reader.isComplete else { return nil }
        return Ack(sequence: 0, stateSequence: stateSequence)
    }
}
