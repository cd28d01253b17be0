/// Why an event cannot be applied to the state. The state is unchanged when this is thrown.
public struct StateError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case unknownParty = "unknown-party"
        case unknownGoal = "unknown-goal"
        case unknownRoadmap = "unknown-roadmap"
        case unknownBarrier = "unknown-barrier"
        case unknownPolicyLab = "unknown-policy-lab"
        case duplicateID = "duplicate-id"
        case invalidValue = "invalid-value"
        case wrongPartyKind = "wrong-party-kind"
        /// A follow-up names a gap the hub has never published.
        case unknownGap = "unknown-gap"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
