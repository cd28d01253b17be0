import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

@Suite struct SyntheticTests {
    @Test func countsAtScaleOne() throws {
        let playbook = SyntheticPlaybook.generate(seed: 7, scale: 1, timelineCount: 50)
        func count(_ kind: PartyKind) -> Int { playbook.parties.filter { $0.kind == kind }.count }
        #expect(count(.municipality) == 290)
        #expect(count(.regionalHub) == 21)
        #expect(count(.agency) == 10)
        #expect(count(.coordinator) == 1)
        #expect(count(.reference) == 2)
        #expect(playbook.roadmaps.count == 30)
        #expect(playbook.roadmaps.filter { $0.parent != nil }.count == 18)
        #expect(playbook.barriers.count == 300)
        #expect(playbook.policyLabs.count == 10)
        #expect(playbook.commitments.count == 290 * 8)
        #expect(playbook.commitments.contains { $0.status == .absent })
        #expect(playbook.commitments.contains { $0.status == .nothingDescribed })
        #expect(playbook.timeline.count == 50)
        #expect(playbook.goals.contains { $0.party == "sweden" && $0.targetYear == 2045 })
        #expect(playbook.goals.contains { $0.party == "eu" && $0.targetYear == 2050 })
        let forms = Set(playbook.goals.map(\.form))
        #expect(forms == Set(GoalForm.allCases))
        #expect(playbook.goals.contains { $0.scopes == nil })
        #expect(playbook.goals.contains { $0.interimOf != nil })
        let claimed = Set(playbook.claims.map(\.topic))
        #expect(Set(playbook.investmentAreas.map(\.topic)).subtracting(claimed).isEmpty == false)
        let doubled = SyntheticPlaybook.generate(seed: 7, scale: 2)
        #expect(doubled.parties.filter { $0.kind == .municipality }.count == 580)
        #expect(doubled.barriers.count == 600)
        #expect(doubled.roadmaps.count == 60)
    }

    @Test func reproducible() throws {
        let a = try SyntheticPlaybook.generate(seed: 1, timelineCount: 200).yaml()
        let b = try SyntheticPlaybook.generate(seed: 1, timelineCount: 200).yaml()
        let c = try SyntheticPlaybook.generate(seed: 2, timelineCount: 200).yaml()
        #expect(Array(a.utf8) == Array(b.utf8))
        #expect(a != c)
    }

    @Test func roundTripAndValidation() throws {
        let playbook = SyntheticPlaybook.generate(seed: 3, timelineCount: 500)
        let text = try playbook.yaml()
        let loaded = try PlaybookLoader.load(yaml: text, file: "synthetic.yaml")
        #expect(loaded == playbook)
        #expect(try loaded.yaml() == text)
        let state = try loaded.initialState()
        #expect(state.parties.count == 325)
        _ = try loaded.state()
    }

    @Test func smallPlaybookRoundTrips() throws {
        let playbook = try PlaybookLoader.load(yaml: Fixtures.small, file: "test.yaml")
        let again = try PlaybookLoader.load(yaml: try playbook.yaml(), file: "again.yaml")
        #expect(again == playbook)
    }

    @Test func splitMixIsStable() {
        var rng = SplitMix64(seed: 0)
        // Reference values of SplitMix64 for seed 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
