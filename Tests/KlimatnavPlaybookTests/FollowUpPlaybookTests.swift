import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// A playbook's timeline may carry `gap.followup` messages (wire spec section 17).
@Suite struct FollowUpPlaybookTests {
    static func playbook(_ body: String, from: String = "viable-cities") -> String {
        Fixtures.small + """

              - at: 2022-04-01
                from: \(from)
                message: gap.followup
                body: \(body)
            """
    }

    @Test func aFollowUpInTheTimelineIsRead() throws {
        let book = try PlaybookLoader.load(
            yaml: Self.playbook(
                "{ gap: \"ambition-gap:goteborg.near-zero-2030\", action: assign, by: viable-cities, assignee: goteborg, role: klimatstrateg, due: 2027-03-31 }"
            ))
        let event = try #require(book.timeline.last?.event)
        #expect(
            event
                == .gapFollowedUp(
                    GapFollowUp(
                        gap: "ambition-gap:goteborg.near-zero-2030", action: .assign, by: "viable-cities", assignee: "goteborg",
                        role: "klimatstrateg", due: "2027-03-31")))
    }

    @Test func aBadFollowUpIsAnErrorNotADroppedMessage() {
        let noReason = Fixtures.diagnostics(Self.playbook("{ gap: g, action: dismiss, by: viable-cities }"))
        #expect(noReason.contains { $0.message.contains("needs a reason") }, "\(noReason)")
        let unknownAction = Fixtures.diagnostics(Self.playbook("{ gap: g, action: close, by: viable-cities }"))
        #expect(unknownAction.contains { $0.message.contains("acknowledge") }, "\(unknownAction)")
        let wrongSender = Fixtures.diagnostics(Self.playbook("{ gap: g, action: comment, by: viable-cities, text: hej }", from: "goteborg"))
        #expect(wrongSender.contains { $0.code == .wrongSender }, "\(wrongSender)")
    }
}
