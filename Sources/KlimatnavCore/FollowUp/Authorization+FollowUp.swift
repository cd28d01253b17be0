extension Authorization {
    /// Who may follow up a gap: the coordinator, every action; the party the gap is assigned
    /// to, `comment` and `acknowledge` on that gap; nobody else. `by` must be the sender.
    static func followUpRefusal(_ followUp: GapFollowUp, from sender: Party, in state: WorldState) -> Refusal? {
        let me = sender.id
        guard followUp.by == me else {
            return Refusal("a follow-up must name its sender '\(me)' as 'by', found '\(followUp.by)'")
        }
        if sender.kind == .coordinator { return nil }
        guard state.followUps[followUp.gap]?.assignee == me else {
            return Refusal(
                "'\(me)' may not follow up gap '\(followUp.gap)': only the coordinator may, and the party the gap is assigned to may comment on it and acknowledge it"
            )
        }
        guard followUp.action == .comment || followUp.action == .acknowledge else {
            return Refusal(
                "'\(me)' is assigned gap '\(followUp.gap)' and may comment on it or acknowledge it; only the coordinator may \(followUp.action.rawValue) it"
            )
        }
        return nil
    }
}
