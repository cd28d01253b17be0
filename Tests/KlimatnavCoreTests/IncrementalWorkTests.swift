import Testing

@testable import KlimatnavCore

/// Incremental detection on a national-scale state does a small fraction of a full
/// recompute's work, counted in subjects evaluated (timings belong to the benchmarks).
@Suite struct IncrementalWorkTests {
    @Test func incrementalWorkIsASmallFractionOfFull() throws {
        let state = try Fx.state(NationalScale.events())
        let engine = GapEngine(playbook: .standard)
        var index = GapIndex(state)
        var full: [Gap] = []
        full = engine.gaps(in: GapIndex(state))
        let fullSubjects = engine.rules.reduce(0) { $0 + $1.subjects(in: index).count }
        #expect(full.count > 1000)

        var tracker = GapTracker(engine: engine, state: state)
        var events: [DomainEvent] = []
        for i in 0..<200 {
            let m = PartyID("m\(i % 290)")!
            switch i % 4 {
            case 0: events.append(.goalAsserted(Goal(id: "\(m).g1", party: m, scopes: [1, 2], word: .nearZero, targetYear: 2030 + i % 20)))
            case 1:
                events.append(.commitmentStated(Commitment(party: m, section: .reporting, status: .described, scope3Indicator: i % 3 == 0)))
            case 2: events.append(.barrierAcknowledged(barrierID: "barrier\(i)", by: m))
            default:
                events.append(.responsibilityClaimed(ResponsibilityClaim(party: "agency1", topic: "topic-\(i % 40)", level: .national)))
            }
        }
        var maxSubjects = 0
        do {
            for event in events {
                let before = index
                var after = index.state
                try after.apply(event)
                index.update(applying: event, before: before.state, after: after)
                maxSubjects = max(
                    maxSubjects, engine.rules.reduce(0) { $0 + 2 * $1.subjects(affectedBy: event, before: before, after: index).count })
            }
        }
        for event in events { try tracker.apply(event) }
        #expect(tracker.gaps == engine.gaps(in: tracker.state))
        #expect(Double(maxSubjects) <= 0.01 * Double(fullSubjects))
    }
}
