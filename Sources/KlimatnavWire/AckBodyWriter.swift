/// The body of an ACK (`{}` or `{"stateSequence":N}`), written directly: the hub sends one
/// for every domain message, and the `Codable` path (``JSONWriter``) costs far more than
/// these few bytes. The same bytes as the generic encoder (the tests compare them).
enum AckBodyWriter {
    static func write(_ ack: Ack, limits: BodyLimits) -> [UInt8]? {
        var out = FlatObjectWriter(capacity: 40)
        out.integer("stateSequence", ack.stateSequence)
        return out.finish(maxBytes: limits.maxBytes)
    }
}
