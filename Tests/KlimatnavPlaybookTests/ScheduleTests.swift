import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

@Suite struct ScheduleTests {
    @Test func factsComeFirstInSectionOrderThenTheTimeline() throws {
        let playbook = try PlaybookLoader.load(yaml: Fixtures.small, file: "test.yaml")
        let schedule = playbook.schedule()
        let names = schedule.map(\.event.name)
        #expect(
            names == [
                "party", "party", "party", "party", "party", "party",
                "membership.join",
                "goal", "goal", "goal",
                "commitment", "commitment",
                "roadmap", "roadmap",
                "investment-area",
                "responsibility.claim",
                "barrier.report", "barrier.report",
                "policy-lab.open",
                "barrier.assign", "goal",
            ])
        // Parties register themselves; the hub sends memberships.
        #expect(schedule[0].from == "goteborg")
        #expect(schedule[6].from == "vgr")
        // The interim goal is listed first in the file but sent after its parent.
        guard case .goalAsserted(let first) = schedule[7].event, case .goalAsserted(let second) = schedule[8].event else {
            Issue.record("expected goals"); return
        }
        #expect(first.id == "goteborg.near-zero-2030")
        #expect(second.id == "goteborg.interim")
        // Parent roadmaps before children, sent by their owner.
        guard case .roadmapPublished(let parent) = schedule[12].event else { Issue.record("expected a roadmap"); return }
        #expect(parent.id == "construction")
        #expect(schedule[12].from == "energimyndigheten")
        // One report per reporting party, each naming only that party.
        guard case .barrierReported(let report1) = schedule[16].event, case .barrierReported(let report2) = schedule[17].event else {
            Issue.record("expected barrier reports"); return
        }
        #expect(report1.reportedBy == ["goteborg"] && schedule[16].from == "goteborg")
        #expect(report2.reportedBy == ["malmo"] && schedule[17].from == "malmo")
        // Policy labs come from the coordinator.
        #expect(schedule[18].from == "viable-cities")
        // Facts are at asOf, the timeline at its dates.
        #expect(schedule[..<19].allSatisfy { $0.at == playbook.asOf })
        #expect(schedule[19].at == PlaybookDate.parse("2022-03-01"))
        // Every scheduled message is sent by its acting party, where it has one.
        for message in schedule {
            if let acting = message.event.actingParty { #expect(acting == message.from) }
        }
    }

    @Test func initialStateHasTheFactsOnly() throws {
        let playbook = try PlaybookLoader.load(yaml: Fixtures.small, file: "test.yaml")
        let state = try playbook.initialState()
        #expect(state.parties.count == 6)
        #expect(state.goals.count == 3)
        #expect(state.barriers["energy-system-boundary"]?.reportedBy == ["goteborg", "malmo"])
        #expect(state.barriers["energy-system-boundary"]?.status == .reported)
        #expect(state.policyLabs.count == 1)
        let final = try playbook.state()
        #expect(final.goals.count == 4)
        #expect(final.barriers["energy-system-boundary"]?.status == .assigned)
        let march = try playbook.state(through: PlaybookDate.parse("2022-03-01"))
        #expect(march.goals.count == 3)
    }

    @Test func datesParseAndFormat() {
        #expect(PlaybookDate.parse("2021-10-01") == Date(timeIntervalSince1970: 1_633_046_400))
        #expect(PlaybookDate.parse("2022-03-01T10:00:00Z") == Date(timeIntervalSince1970: 1_646_128_800))
        #expect(PlaybookDate.parse("2022-03-01 12:00:00+02:00") == Date(timeIntervalSince1970: 1_646_128_800))
        #expect(PlaybookDate.parse("2022-03-01T10:00Z") == Date(timeIntervalSince1970: 1_646_128_800))
        #expect(PlaybookDate.parse("2021-02-29") == nil)
        #expect(PlaybookDate.parse("2020-02-29") != nil)
        #expect(PlaybookDate.parse("2021-13-01") == nil)
        #expect(PlaybookDate.parse("2021-10-01T25:00:00Z") == nil)
        #expect(PlaybookDate.parse("yesterday") == nil)
        #expect(PlaybookDate.format(Date(timeIntervalSince1970: 1_633_046_400)) == "2021-10-01")
        #expect(PlaybookDate.format(Date(timeIntervalSince1970: 1_646_128_800)) == "2022-03-01T10:00:00Z")
        #expect(PlaybookDate.format(Date(timeIntervalSince1970: 1_646_128_800.25)) == "2022-03-01T10:00:00.25Z")
        #expect(PlaybookDate.format(Date(timeIntervalSince1970: -86_400)) == "1969-12-31")
    }
}
