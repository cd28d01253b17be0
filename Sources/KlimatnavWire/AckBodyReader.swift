/// Reads an ACK body (`{}` or `{"stateSequence":N}`) without the generic decoder: nodes
/// read one for every domain message they send. Returns `nil` for anything else (see
/// ``JSONReader``); the caller then decodes with the generic decoder.
enum AckBodyReader {
    private static let stateSequenceKey = Array("stateSequence".utf8)

    /// The ACK in `bytes` (its header sequence still 0), or `nil`.
    static func read(_ bytes: [UInt8]) -> Ack? {
        guard var reader = JSONReader(bytes), var members = reader.beginObject() else { return nil }
        var ack = Ack(sequence: 0)
        while let key = reader.nextKey(&members) {
            guard ack.stateSequence == nil, reader.key(key, is: stateSequenceKey), let value = reader.integer(UInt64.self)
            else { return nil }
            ack.stateSequence = value
        }
        return members.closed && reader.isAtEnd() ? ack : nil
    }
}
