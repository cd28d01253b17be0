/// The node's answer to a ``LocalRequest`` (Protocols/klimatnav-local-v1.md).
public struct LocalAnswer: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable {
        /// The hub stored the fact (ACK).
        case accepted
        /// The hub refused it (NACK): `code` and `reason` are the hub's.
        case refused
        /// Written to the durable outbox; the hub did not answer in time (it is down or
        /// busy): it is sent when the hub returns.
        case queued
        /// Not valid: `errors` say why, as the playbook loader says it. Nothing was queued.
        case invalid
    }

    public var outcome: Outcome
    /// The message's number in the node's outbox (absent when invalid).
    public var sequence: UInt64?
    /// The hub's state sequence after the fact (accepted only).
    public var stateSequence: UInt64?
    public var code: String?
    public var reason: String?
    public var errors: [String]?

    public init(
        outcome: Outcome, sequence: UInt64? = nil, stateSequence: UInt64? = nil, code: String? = nil, reason: String? = nil,
        errors: [String]? = nil
    ) {
        self.outcome = outcome
        self.sequence = sequence
        self.stateSequence = stateSequence
        self.code = code
        self.reason = reason
        self.errors = errors
    }
}
