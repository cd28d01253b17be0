import KlimatnavCore

extension GapOutput {
    /// The table's line on a gap's follow-up ("    uppföljning: tilldelat lund (klimatstrateg),
    /// senast 2027-03-31, försenat"), or nothing when nobody has followed it up.
    func followUpLine(_ record: GapFollowUpRecord, _ c: Catalogue) -> String {
        guard record.history.contains(where: { $0.by != nil }) else { return "" }
        let state = record.state
        // "Assigned" says itself in the assignee's words ("tilldelat lund (klimatstrateg)").
        var parts = record.status == .assigned ? [] : [c.followUpStatus(record.status)]
        if let assignee = state.assignee {
            parts.append(c.format(.followUpAssigned, assignee.rawValue, state.role ?? ""))
            if let due = state.due { parts.append(c.format(.followUpDue, due)) }
            if record.isOverdue(today: today) { parts.append(c[.followUpOverdue]) }
        }
        if let reason = state.dismissReason { parts.append(c.format(.followUpDismissReason, reason)) }
        return "    \(c[.followUpHeading].lowercased()): \(parts.joined(separator: ", "))\n"
    }
}
