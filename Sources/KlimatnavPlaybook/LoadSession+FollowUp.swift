import KlimatnavCore
import Yams

extension LoadSession {
    /// A `gap.followup` body: `{ gap, action, by, assignee?, role?, due?, text? }` (wire spec
    /// section 17). Whether the gap exists is the hub's question when the message arrives.
    func readFollowUp(_ node: Node) -> GapFollowUp? {
        clean {
            guard
                let r = YAMLRecord(
                    node, "the body of 'gap.followup'", keys: ["gap", "action", "by", "assignee", "role", "due", "text"], reader: reader)
            else { return nil }
            let gap = r.required("gap").flatMap { reader.text($0, "gap") }
            let action = r.required("action").flatMap { reader.enumeration($0, "action", GapFollowUpAction.self) }
            let by = r.required("by").flatMap { partyRef($0, "by") }
            let assignee = r.optional("assignee").flatMap { partyRef($0, "assignee") }
            let role = r.optional("role").flatMap { reader.text($0, "role") }
            let due = r.optional("due").flatMap { reader.date($0, "due") }.map { String(PlaybookDate.format($0).prefix(10)) }
            let text = r.optional("text").flatMap { reader.text($0, "text") }
            guard let gap, let action, let by else { return nil }
            let followUp = GapFollowUp(gap: gap, action: action, by: by, assignee: assignee, role: role, due: due, text: text)
            if let problem = followUp.problem {
                reader.error(.invalidValue, at: node.mark, "expected a follow-up the hub accepts, found: \(problem)")
                return nil
            }
            return followUp
        }
    }
}
