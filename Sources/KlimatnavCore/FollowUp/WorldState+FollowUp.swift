extension WorldState {
    /// Applies a follow-up step: the sender and an assignee must be registered, the values
    /// well formed (``GapFollowUp/problem``), and `undismiss` needs a dismissed gap. Whether
    /// the gap exists is the gap tracker's question (``GapTracker/stage(_:)``), not the state's.
    mutating func applyFollowUp(_ followUp: GapFollowUp) throws(StateError) {
        try requireParty(followUp.by)
        if let assignee = followUp.assignee { try requireParty(assignee) }
        if let problem = followUp.problem { throw StateError(.invalidValue, problem) }
        if followUp.action == .undismiss, followUps[followUp.gap]?.isDismissed != true {
            throw StateError(.invalidValue, "gap '\(followUp.gap)' is not dismissed, so there is no dismissal to take back")
        }
        followUps[followUp.gap, default: GapFollowUpState()].apply(followUp)
    }
}
