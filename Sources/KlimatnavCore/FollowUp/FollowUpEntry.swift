import Foundation

/// One line of a gap's history: a follow-up step someone sent, or a change the facts made
/// (the gap opened, changed or resolved).
public struct FollowUpEntry: Hashable, Sendable {
    public enum Step: Hashable, Sendable {
        case followUp(GapFollowUp)
        case facts(GapChange)
    }

    public var at: Date
    public var step: Step

    public init(at: Date, step: Step) {
        self.at = at
        self.step = step
    }

    /// The party that sent a follow-up step; `nil` for the facts.
    public var by: PartyID? {
        if case .followUp(let followUp) = step { return followUp.by }
        return nil
    }
}
