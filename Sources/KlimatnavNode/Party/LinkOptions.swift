/// How a node talks to the hub: resend timing, heartbeats, and how long to keep trying.
public struct LinkOptions: Sendable {
    /// Resend an unacknowledged message after this long, doubling up to `maxResendMs`.
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
        heartbeatLiveness: Int = 3, maxInFlight: Int = 4096
    ) {
        self.resendAfterMs = resendAfterMs
        self.maxResendMs = maxResendMs
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.heartbeatLiveness = heartbeatLiveness
        self.maxInFlight = maxInFlight
    }
}
