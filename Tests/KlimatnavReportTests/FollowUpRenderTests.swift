import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

@testable import KlimatnavReport

/// The report shows a gap's follow-up in its gap table, and `gaps` output carries it.
@Suite struct FollowUpRenderTests {
    static let gap = "ambition-gap:enkoping.fossil-free-2050"

    func model() throws -> ReportModel {
        var model = try Support.seedModel()
        let day = Date(timeIntervalSince1970: 1_640_995_200)
        let steps: [FollowUpEntry.Step] = [
            .facts(.opened),
            .followUp(
                GapFollowUp(
                    gap: Self.gap, action: .assign, by: "viable-cities", assignee: "enkoping", role: "klimatstrateg", due: "2021-12-31")),
            .followUp(GapFollowUp(gap: Self.gap, action: .comment, by: "enkoping", text: "Vi ser över målåret & återkommer.")),
        ]
        model.followUps = FollowUpHistory(steps.map { (Self.gap, FollowUpEntry(at: day, step: $0)) })
        return model
    }

    @Test func theReportsGapTableShowsStatusAssigneeOverdueAndHistory() throws {
        let model = try model()
        #expect(model.openGaps.contains { $0.gap.id == Self.gap })
        let sv = HTMLReport(model: model, language: .sv).render()
        #expect(
            sv.contains("data-followup=\"assigned\"></span>tilldelat <a href=\"#party-enkoping\">Enköping</a> (klimatstrateg)"), "\(sv)")
        #expect(sv.contains("senast 2021-12-31 <strong class=\"overdue\">försenat</strong>"))
        #expect(sv.contains("kommenterade: <q>Vi ser över målåret &amp; återkommer.</q>"))
        let en = HTMLReport(model: model, language: .en).render()
        #expect(en.contains("assigned the gap to"))
        // Only the followed-up gap has a follow-up block: in the gap list, twice in the
        // follow-up section (assigned, overdue) and in Enköping's section.
        #expect(sv.components(separatedBy: "class=\"followup\"").count == 5)
        #expect(sv.contains("<section id=\"followup\"><h2>Uppföljning</h2>"))
        #expect(sv.contains("<h3>Tilldelade (1)</h3>") && sv.contains("<h3>Försenade (1)</h3>"))
        #expect(!sv.contains("<h3>Avfärdade"))
        // Without follow-ups the report has no such section.
        #expect(!HTMLReport(model: try Support.seedModel(), language: .sv).render().contains("id=\"followup\""))
    }

    @Test func gapsJSONAndTableCarryTheFollowUp() throws {
        let model = try model()
        let records = model.openGaps.filter { $0.gap.id == Self.gap }
        let output = GapOutput(records: records, followUps: model.followUps, today: "2022-01-01")
        let row = try #require(output.rows.first)
        #expect(row.followUp.status == "assigned")
        #expect(row.followUp.history.map(\.step) == ["opened", "assign", "comment"])
        let json = try output.json()
        #expect(json.contains("\"followUp\" : {"))
        #expect(json.contains("\"dismissReason\" : null"))
        #expect(output.table().contains("    follow-up: assigned to enkoping (klimatstrateg), due 2021-12-31, overdue\n"))
        #expect(
            output.table(Catalogue(.sv), state: model.state).contains(
                "    uppföljning: tilldelat enkoping (klimatstrateg), senast 2021-12-31, försenat\n"))
    }
}
