import KlimatnavCore

/// A gap's follow-up as HTML: a one-line status (who has it, by when, dismissed and why,
/// re-opened) and the history, each step as a sentence. Used by the report's gap tables and
/// the dashboard's gap page. Every text is escaped.
public struct FollowUpHTML: Sendable {
    public var record: GapFollowUpRecord
    public var catalogue: Catalogue
    /// `YYYY-MM-DD`: a due date before it is overdue.
    public var today: String
    /// A party's name as HTML (linked or not).
    public var partyName: @Sendable (PartyID) -> String

    public init(record: GapFollowUpRecord, catalogue: Catalogue, today: String, partyName: @escaping @Sendable (PartyID) -> String) {
        self.record = record
        self.catalogue = catalogue
        self.today = today
        self.partyName = partyName
    }

    private var c: Catalogue { catalogue }
    private func e(_ text: String) -> String { HTML.escape(text) }

    /// Whether anyone has followed the gap up (the facts' own changes do not count).
    public var hasFollowUp: Bool {
        record.history.contains { $0.by != nil }
    }

    /// The status word, with the assignee, role and due date, the dismissal's reason, and
    /// "overdue" when it is.
    public func status() -> String {
        let state = record.state
        // "Assigned" says itself in the assignee's words ("tilldelat Lund (klimatstrateg)").
        let word = record.status == .assigned ? "" : e(c.followUpStatus(record.status))
        var out = "<span class=\"followup-status\" data-followup=\"\(record.status.rawValue)\">\(word)</span>"
        if let assignee = state.assignee {
            out += (word.isEmpty ? "" : " · ") + c.format(.followUpAssigned, partyName(assignee), e(state.role ?? ""))
            if let due = state.due {
                out += " · " + e(c.format(.followUpDue, due))
                if record.isOverdue(today: today) { out += " <strong class=\"overdue\">\(e(c[.followUpOverdue]))</strong>" }
            }
        }
        if let reason = state.dismissReason {
            out += " · " + e(c.format(.followUpDismissReason, reason))
        }
        return out
    }

    /// The history as an ordered list, oldest first.
    public func history() -> String {
        var out = "<ol class=\"followup-history\">"
        for entry in record.history {
            out += "<li data-step=\"\(e(step(entry)))\"><span class=\"muted small\">\(e(c.date(entry.at)))</span> \(sentence(entry))</li>"
        }
        return out + "</ol>"
    }

    private func step(_ entry: FollowUpEntry) -> String {
        switch entry.step {
        case .facts(let change): change.rawValue
        case .followUp(let followUp): followUp.action.rawValue
        }
    }

    private func sentence(_ entry: FollowUpEntry) -> String {
        switch entry.step {
        case .facts(.opened): return e(c[.stepOpened])
        case .facts(.changed): return e(c[.stepChanged])
        case .facts(.resolved): return e(c[.stepResolved])
        case .followUp(let followUp):
            let by = partyName(followUp.by)
            var out: String
            switch followUp.action {
            case .acknowledge: out = c.format(.stepAcknowledge, by)
            case .assign:
                out = c.format(.stepAssign, by, followUp.assignee.map(partyName) ?? "", e(followUp.role ?? ""))
                if let due = followUp.due { out += ", " + e(c.format(.followUpDue, due)) }
            case .comment: out = c.format(.stepComment, by)
            case .dismiss: out = c.format(.stepDismiss, by)
            case .undismiss: out = c.format(.stepUndismiss, by)
            }
            if let text = followUp.text { out += ": <q>\(e(text))</q>" }
            return out
        }
    }
}
