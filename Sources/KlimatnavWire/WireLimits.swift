/// The fixed numbers of protocol version 1: signature, version, frame and field limits.
/// Every limit is normative (see "Limits" in the spec) and enforced by ``WireCodec``.
public enum WireLimits {
    /// ASCII `KNAV`, the first four bytes of frame 0.
    public static let signature: [UInt8] = Array("KNAV".utf8)
    /// The protocol version this codec speaks; the fifth byte of frame 0.
    public static let version: UInt8 = 1
    /// Frames in every message, not counting a ROUTER routing id.
    public static let frameCount = 4
    /// Length of frame 2, the sequence header (unsigned 64-bit big-endian).
    public static let headerLength = 8
    /// Longest message-type token (frame 1).
    public static let maxTypeLength = 32
    /// Largest body (frame 3) of every message but SNAPSHOT.
    public static let maxBodyBytes = 256 * 1024
    /// Largest SNAPSHOT body.
    public static let maxSnapshotBodyBytes = 16 * 1024 * 1024
    /// Longest JSON string value or object key, in UTF-8 bytes.
    public static let maxStringBytes = 8 * 1024
    /// Longest id (of a goal, roadmap, investment area, barrier, policy lab, or a reference to
    /// one) and topic, in UTF-8 bytes: gap ids are built from them.
    public static let maxIdentifierBytes = 1024
    /// Most elements in one JSON array (but see ``maxSnapshotItems``).
    public static let maxArrayCount = 1024
    /// Most elements in SNAPSHOT's `events` and `gaps` arrays.
    public static let maxSnapshotItems = 100_000
    /// Deepest nesting of objects and arrays in a body (the body object is depth 1).
    public static let maxDepth = 16
    /// Longest JSON number literal, in characters.
    public static let maxNumberLength = 40
}
