import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

@Suite struct LoaderTests {
    @Test func smallPlaybookLoads() throws {
        let playbook = try PlaybookLoader.load(yaml: Fixtures.small, file: "test.yaml")
        #expect(playbook.id == "small-test")
        #expect(playbook.parties.count == 6)
        #expect(playbook.parties[0].level == .local)
        #expect(playbook.parties[2].level == .national)
        #expect(playbook.goals.count == 3)
        #expect(playbook.goals[1].orientation == .geographic)
        #expect(playbook.goals[1].area == .municipality)
        #expect(playbook.goals[1].basis == .unstated)
        #expect(playbook.goals[1].status == .adopted)
        #expect(playbook.goals[1].text == "")
        #expect(playbook.commitments[0].section == .reporting)
        #expect(playbook.commitments[0].status == .described)
        #expect(playbook.commitments[1].section == .regionalHub)
        #expect(playbook.roadmaps[0].level == .local)
        #expect(playbook.claims[0].level == .national)
        #expect(playbook.barriers[0].status == .reported)
        #expect(playbook.timeline.count == 2)
        #expect(playbook.timeline[1].at == Date(timeIntervalSince1970: 1_646_128_800))
    }
}
