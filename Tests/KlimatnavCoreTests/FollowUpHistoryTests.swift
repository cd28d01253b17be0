import Foundation
import Testing

@testable import KlimatnavCore

/// A gap's follow-up history and status, and re-opening after a dismissal.
@Suite struct FollowUpHistoryTests {
    let gap = "ambition-gap:enkoping.fossil-free"

    func at(_ day: Int) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + Double(day) * 86_400) }

    func followUp(_ action: GapFollowUpAction, text: String? = nil, due: String? = nil) -> FollowUpEntry.Step {
        .followUp(
            GapFollowUp(
                gap: gap, action: action, by: "viable-cities", assignee: action == .assign ? "enkoping" : nil,
                role: action == .assign ? "klimatstrateg" : nil, due: due, text: text))
    }

    func history(_ steps: [FollowUpEntry.Step]) -> GapFollowUpRecord {
        FollowUpHistory(steps.enumerated().map { (gap, FollowUpEntry(at: at($0.offset), step: $0.element)) })[gap]
    }

    @Test func statusFollowsTheSteps() {
        #expect(history([.facts(.opened)]).status == .new)
        #expect(history([.facts(.opened), followUp(.acknowledge)]).status == .acknowledged)
        #expect(history([.facts(.opened), followUp(.acknowledge), followUp(.assign, due: "2027-01-31")]).status == .assigned)
        let dismissed = history([.facts(.opened), followUp(.assign), followUp(.dismiss, text: "fel regel")])
        #expect(dismissed.status == .dismissed)
        #expect(dismissed.history.count == 3)
        #expect(dismissed.history.map(\.by) == [nil, "viable-cities", "viable-cities"])
    }

    @Test func aDismissedGapTheFactsOpenAgainIsReopened() {
        // It resolved and opened again.
        let again = history([.facts(.opened), followUp(.dismiss, text: "fel regel"), .facts(.resolved), .facts(.opened)])
        #expect(again.status == .reopened)
        #expect(again.reopenedAt == at(3))
        // A new fact asserted it again (it changed).
        #expect(history([.facts(.opened), followUp(.dismiss, text: "x"), .facts(.changed)]).status == .reopened)
        // Resolving alone does not re-open it.
        #expect(history([.facts(.opened), followUp(.dismiss, text: "x"), .facts(.resolved)]).status == .dismissed)
        // Dismissed again, or the dismissal taken back, it is no longer "re-opened".
        #expect(
            history([.facts(.opened), followUp(.dismiss, text: "x"), .facts(.changed), followUp(.dismiss, text: "still")]).status
                == .dismissed)
        #expect(history([.facts(.opened), followUp(.dismiss, text: "x"), .facts(.changed), followUp(.undismiss)]).status == .new)
    }

    @Test func overdueIsADueDateBeforeTodayOnAGapNotDismissed() {
        let assigned = history([.facts(.opened), followUp(.assign, due: "2027-01-31")])
        #expect(assigned.isOverdue(today: "2027-02-01"))
        #expect(!assigned.isOverdue(today: "2027-01-31"))
        #expect(!history([.facts(.opened), followUp(.assign)]).isOverdue(today: "2099-01-01"))
        #expect(
            !history([.facts(.opened), followUp(.assign, due: "2027-01-31"), followUp(.dismiss, text: "x")]).isOverdue(today: "2028-01-01"))
    }

    /// Built entry by entry, or from the whole list at once, the history is the same, and
    /// each gap's record depends only on its own entries.
    @Test func incrementalEqualsWhole() {
        let other = "reporting-gap:lund/3.8"
        var entries: [(gap: String, entry: FollowUpEntry)] = []
        let steps: [FollowUpEntry.Step] = [
            .facts(.opened), followUp(.assign), followUp(.comment, text: "a"), followUp(.dismiss, text: "b"), .facts(.resolved),
            .facts(.opened),
        ]
        for (i, step) in steps.enumerated() {
            entries.append((gap, FollowUpEntry(at: at(i), step: step)))
            entries.append((other, FollowUpEntry(at: at(i), step: .facts(i % 2 == 0 ? .opened : .resolved))))
        }
        var incremental = FollowUpHistory()
        for (id, entry) in entries {
            incremental.record(entry, gap: id)
            #expect(incremental[other].status == .new)
        }
        #expect(incremental == FollowUpHistory(entries))
        #expect(incremental[gap] == history(steps))
        #expect(incremental.assigned(to: "enkoping") == [gap])
    }
}
