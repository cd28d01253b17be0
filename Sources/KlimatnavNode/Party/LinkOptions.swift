import Foundation
import KlimatnavStore

/// How a node talks to the hub: resend timing, heartbeats, and how long to keep trying.
public struct LinkOptions: Sendable {
    /// The durable outbox (the node's own SQLite file): every message is written there
    /// before it is sent, and a link opened on the same file resends what was unanswered
    /// with the original numbers. `nil`: the outbox lives in memory only.
    public var outbox: NodeOutbox? = nil
    /// Called when the link declares the hub dead (nothing heard for interval × liveness).
    public var onHubSilent: (@Sendable (Date) -> Void)? = nil
    /// Called with every answer the hub gives to a message of this link (acknowledgement or
    /// refusal) as it arrives, on the link's actor: for a node that streams many messages
    /// and takes their answers as they come instead of one ``PartyLink/outcome(of:)`` wait
    /// per message. Keep it short: the link handles nothing else meanwhile.
    public var onAnswer: (@Sendable (Delivery) -> Void)? = nil

    /// Resend an unacknowledged message after this long, doubling up to `maxResendMs`; or,
    /// when answers currently take longer, after the smoothed answer time (RFC 6298's
    /// timeout), so a hub with a long queue is not sent copies of what it already holds.
    public var resendAfterMs: Int
    public var maxResendMs: Int
    /// Send HEARTBEAT this often when otherwise idle; the hub's WELCOME may change it.
    public var heartbeatIntervalMs: Int
    /// Heartbeat intervals without any word from the hub before it is taken for dead.
    public var heartbeatLiveness: Int
    /// Unacknowledged messages at which ``PartyLink/submit(_:)`` waits (back-pressure).
    public var maxInFlight: Int

    public init(
        resendAfterMs: Int = 1000, maxResendMs: Int = 8000, heartbeatIntervalMs: Int = 1000,
        heartbeatLiveness: Int = 3, maxInFlight: Int = 1024
    ) {
        self.resendAfterMs = resendAfterMs
        self.maxResendMs = maxResendMs
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.heartbeatLiveness = heartbeatLiveness
        self.maxInFlight = maxInFlight
    }
}
