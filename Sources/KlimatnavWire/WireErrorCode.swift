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

        /// The numeric code from the spec's table.
        public var number: Int {
            switch self {
            case .badSignature: 100
            case .unsupportedVersion: 101
            case .missingFrame: 102
            case .extraFrame: 103
            case .unknownType: 104
            case .badHeader: 105
            case .frameTooLarge: 106
            case .badUTF8: 110
            case .badJSON: 111
            case .wrongType: 112
            case .missingField: 113
            case .unknownField: 114
            case .fieldTooLarge: 115
            case .invalidPartyID: 116
            case .unknownValue: 117
            case .invalidValue: 118
            case .noSession: 200
            case .sequenceGap: 201
            case .notAuthorized: 202
            case .identityMismatch: 203
            case .unknownParty: 300
            case .unknownGoal: 301
            case .unknownRoadmap: 302
            case .unknownBarrier: 303
            case .unknownPolicyLab: 304
            case .duplicateID: 305
            case .wrongPartyKind: 306
            case .unknownGap: 307
            case .busy: 400
            case .internalError: 401
            }
        }

        /// Whether a sender may retry the same message unchanged (only `busy` and
        /// `sequence-gap`, after resending the missing messages first).
        public var isRetryable: Bool { self == .busy || self == .sequenceGap }
    }
}
