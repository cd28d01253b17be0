import KlimatnavCore
import KlimatnavStore

extension HTMLReport {
    /// A gap's follow-up as ``FollowUpHTML``, with this report's words and party links.
    public func followUpHTML(_ gapID: String) -> FollowUpHTML {
        let report = self
        return FollowUpHTML(record: model.followUps[gapID], catalogue: catalogue, today: model.today) { report.partyName($0) }
    }

    /// In a gap table's description cell: the follow-up status with the history folded
    /// under it, when anyone has followed the gap up; and the link to the gap's page.
    func followUpCell(_ gapID: String) -> String {
        let html = followUpHTML(gapID)
        var out = ""
        if html.hasFollowUp {
            out +=
                "<details class=\"followup\"><summary>\(HTML.escape(catalogue[.followUpHeading])): \(html.status())</summary>\(html.history())</details>"
        }
        if let link = gapLink(gapID) {
            out += "<a class=\"gap-link small\" href=\"\(HTML.escape(link))\">\(HTML.escape(catalogue[.gapPageLink]))</a>"
        }
        return out
    }
}

extension HTMLReport {
    /// The gaps the coordinator has followed up, in four lists: assigned (by assignee),
    /// overdue, dismissed (with their reasons) and re-opened after a dismissal. Empty when
    /// nobody has followed up any gap.
    public func followUpSection() -> String {
        let followed = model.allGaps.filter { followUpHTML($0.gap.id).hasFollowUp }
        guard !followed.isEmpty else { return "" }
        let c = catalogue
        func record(_ gap: GapRecord) -> GapFollowUpRecord { model.followUps[gap.gap.id] }
        let assigned = followed.filter { record($0).state.assignee != nil && record($0).status != .dismissed }
            .sorted { (record($0).state.assignee?.rawValue ?? "", $0.gap.id) < (record($1).state.assignee?.rawValue ?? "", $1.gap.id) }
        let lists: [(Catalogue.Key, [GapRecord])] = [
            (.followUpAssignedHeading, assigned),
            (.filterOverdue, followed.filter { record($0).isOverdue(today: model.today) }),
            (.filterDismissed, followed.filter { record($0).status == .dismissed }),
            (.followUpReopenedHeading, followed.filter { record($0).status == .reopened }),
        ]
        var out = "<section id=\"followup\"><h2>\(HTML.escape(c[.followUpHeading]))</h2><p>\(HTML.escape(c[.followUpIntro]))</p>\n"
        for (key, records) in lists where !records.isEmpty {
            out += "<h3>\(HTML.escape(c[key])) (\(records.count))</h3>\n" + gapTable(records, closed: false)
        }
        return out + "</section>\n"
    }
}
