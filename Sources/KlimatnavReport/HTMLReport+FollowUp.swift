import KlimatnavCore

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
            out += "<details class=\"followup\"><summary>\(HTML.escape(catalogue[.followUpHeading])): \(html.status())</summary>\(html.history())</details>"
        }
        if let link = gapLink(gapID) {
            out += "<a class=\"gap-link small\" href=\"\(HTML.escape(link))\">\(HTML.escape(catalogue[.gapPageLink]))</a>"
        }
        return out
    }
}
