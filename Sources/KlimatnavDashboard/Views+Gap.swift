import Foundation
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore

extension Views {
    /// A gap's page: the gap as the gap list shows it, then its follow-up (who has it, by
    /// when, dismissed and why, re-opened) and its whole history: the follow-up steps and
    /// what the facts did, oldest first.
    func gap(_ record: GapRecord) -> String {
        let c = page.catalogue
        var report = self.report
        report.gapLink = { _ in nil }  // this is the gap's page
        let followUp = report.followUpHTML(record.gap.id)
        var body = report.gapTable([record], closed: record.status != "open", status: true)
        body += "<section id=\"followup\"><h2>\(HTML.escape(c[.followUpHeading]))</h2>"
        body += "<p>\(followUp.status())</p>"
        if !followUp.hasFollowUp { body += "<p class=\"muted\">\(HTML.escape(c[.followUpNone]))</p>" }
        body += followUp.history() + "</section>"
        body += "<p><a href=\"\(page.link("/gaps"))\">\(HTML.escape(c[.navGaps]))</a></p>"
        return page.render(title: c.gapKind(record.gap.kind), body: body)
    }

    /// The link to a gap's page (its id percent-encoded as one path segment).
    static func gapPath(_ id: String) -> String {
        "/gaps/" + (id.addingPercentEncoding(withAllowedCharacters: gapIDCharacters) ?? id)
    }

    private static let gapIDCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")
}
