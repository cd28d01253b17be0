/// A multipart message to send: one or more frames of bytes.
///
/// Strings are sent as their UTF-8 bytes (byte count, not character count).
public struct Message: Sendable, Hashable {
    /// The frames, in order. A message with no frames is sent as one empty frame.
    public var frames: [[UInt8]]

    /// Creates a message from frames of bytes.
    public init(_ frames: [[UInt8]]) {
        self.frames = frames
    }

    /// Creates a one-frame message.
    public init(frame: [UInt8]) {
        self.frames = [frame]
    }

    /// Creates a message whose frames are the UTF-8 bytes of `strings`.
    public init(strings: [String]) {
        self.frames = strings.map { Array($0.utf8) }
    }

    /// Returns a copy with `routingId` prepended: the form a ROUTER socket sends to one peer.
    public func routed(to routingId: [UInt8]) -> Message {
        Message([routingId] + frames)
    }
}

/// A message received from a socket, with the connection metadata libzmq attached to it.
public struct ReceivedMessage: Sendable, Hashable {
    /// The frames, in order. On a ROUTER socket the first frame is the sender's routing id.
    public var frames: [[UInt8]]
    /// The `User-Id` property that a ZAP handler set for the connection, or `nil` when there is
    /// none (always `nil` without a ZAP handler). This, not the payload or the routing id, is
    /// the identity to trust.
    public var userId: String?
    /// The `Peer-Address` property (the remote IP for TCP), or `nil` when unknown.
    public var peerAddress: String?
    /// Further connection properties the socket was asked to read
    /// (``Socket/readsProperties``), for example metadata a ZAP handler attached; absent
    /// names are left out.
    public var properties: [String: String]

    /// Creates a received message (for tests and adapters).
    public init(frames: [[UInt8]], userId: String? = nil, peerAddress: String? = nil, properties: [String: String] = [String: String]()) {
        self.frames = frames
        self.userId = userId
        self.peerAddress = peerAddress
        self.properties = properties
    }

    /// The frames as a ``Message``, for example to forward it.
    public var message: Message { Message(frames) }

    /// Frame `index` decoded as UTF-8 (invalid bytes are repaired), or `nil` when out of range.
    public func string(at index: Int) -> String? {
        guard frames.indices.contains(index) else { return nil }
        return String(decoding: frames[index], as: UTF8.self)
    }
}
