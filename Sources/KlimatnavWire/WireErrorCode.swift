extension WireError {
    /// A stable error code: the same token the codec throws and the hub sends in a NACK.
    ///
    /// The string form (`rawValue`) is normative; ``number`` is a convenience for logs and
    /// metrics. See "Error codes" in `Protocols/klimatnav-wire-v1.md`.
    public enum Code: String, Sendable, Hashable, CaseIterable, Codable {
        // Framing (1xx): raised by the codec before any JSON is read.
        case badSignature = "bad-signature"
        case unsupportedVersion = "unsupported-version"
        case missingFrame = "missing-frame"
        case extraFrame = "extra-frame"
        case unknownType = "unknown-type"
        case badHeader = "bad-header"
        case frameTooLarge = "frame-too-large"
        // Body (11x): raised by the codec while reading frame 3.
        case badUTF8 = "bad-utf8"
        case badJSON = "bad-json"
        case wrongType = "wrong-type"
        case missingField = "missing-field"
        case unknownField = "unknown-field"
        case fieldTooLarge = "field-too-large"
        case invalidPartyID = "invalid-party-id"
        case unknownValue = "unknown-value"
        case invalidValue = "invalid-value"
        // Session (2xx): raised by the hub.
        case noSession = "no-session"
        case sequenceGap = "sequence-gap"
        case notAuthorized = "not-authorized"
        case identityMismatch = "identity-mismatch"
        // State (3xx): the hub could not apply the event (KlimatnavCore's StateError codes).
        case unknownParty = "unknown-party"
        case unknownGoal = "unknown-goal"
        case unknownRoadmap = "unknown-roadmap"
        case unknownBarrier = "unknown-barrier"
        case unknownPolicyLab = "unknown-policy-lab"
        case duplicateID = "duplicate-id"
        case wrongPartyKind = "wrong-party-kind"
        case unknownGap = "unknown-gap"
        // Hub condition (4xx): retry later or report.
        case busy = "busy"
        case internalError = "internal-error"

        /// The numeric code from the spec's table: each group counts up from its base.
        public var number: Int {
            for (base, group) in Self.groups { if let offset = group.firstIndex(of: self) { return base + offset } }
            preconditionFailure("\(self) is in no group of Code.groups")
        }

        /// The codes in the order of the spec's table, by group, with each group's first number.
        static let groups: [(base: Int, codes: [Code])] = [
            (100, [.badSignature, .unsupportedVersion, .missingFrame, .extraFrame, .unknownType, .badHeader, .frameTooLarge]),
            (
                110,
                [
                    .badUTF8, .badJSON, .wrongType, .missingField, .unknownField, .fieldTooLarge, .invalidPartyID, .unknownValue,
                    .invalidValue,
                ]
            ),
            (200, [.noSession, .sequenceGap, .notAuthorized, .identityMismatch]),
            (
                300,
                [
                    .unknownParty, .unknownGoal, .unknownRoadmap, .unknownBarrier, .unknownPolicyLab, .duplicateID, .wrongPartyKind,
                    .unknownGap,
                ]
            ),
            (400, [.busy, .internalError]),
        ]

        /// Whether a sender may retry the same message unchanged (only `busy` and
        /// `sequence-gap`, after resending the missing messages first).
        public var isRetryable: Bool { self == .busy || self == .sequenceGap }
    }
}
