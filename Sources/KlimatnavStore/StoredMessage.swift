import Foundation

/// An accepted message as the log keeps it: who sent it, its per-sender sequence number,
/// the event name and JSON body exactly as received, and when the hub received it.
public struct StoredMessage: Sendable, Hashable {
    /// Position in the log (1, 2, ...); the message id evidence and gap events refer to.
    public var id: Int64
    public var sender: String
    public var sequence: UInt64
    public var type: String
    public var body: Data
    public var receivedAt: Date

    public init(id: Int64, sender: String, sequence: UInt64, type: String, body: Data, receivedAt: Date) {
        self.id = id
        self.sender = sender
        self.sequence = sequence
        self.type = type
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// A message the hub refused, kept for the audit.
public struct RejectedMessage: Sendable, Hashable {
    public var sender: String?
    public var sequence: UInt64?
    public var type: String?
    public var code: String
    public var reason: String
    public var receivedAt: Date
    /// Whether the refusal used up the sender's sequence number (a resend gets the same
    /// refusal); `false` for refusals before a session exists or out of order.
    public var consumesSequence: Bool
    /// The frame (0-3) and field path the NACK named, if any: a resend of the same number
    /// gets the same answer (protocol section 7.2).
    public var frame: Int?
    public var path: String?

    public init(
        sender: String?, sequence: UInt64?, type: String?, code: String, reason: String, receivedAt: Date,
        consumesSequence: Bool = true, frame: Int? = nil, path: String? = nil
    ) {
        self.frame = frame
        self.path = path
        self.sender = sender
        self.sequence = sequence
        self.type = type
        self.code = code
        self.reason = reason
        self.receivedAt = receivedAt
        self.consumesSequence = consumesSequence && sender != nil && sequence != nil
    }
}
