import Testing
@testable import KlimatnavCore

@Suite struct IncrementalTests {
    @Test(arguments: [1, 2, 3, 42, 2020, 2045] as [UInt64])
    func incrementalEqualsFullRecompute(seed: UInt64) throws {
        let random = RandomEvents(seed: seed)
        let engine = GapEngine(playbook: .standard)
        var tracker = GapTracker(engine: engine, state: try Fx.state(random.registrations()))
        #expect(tracker.gaps == engine.gaps(in: tracker.state))
        var applied = 0
        var changes = 0
        for _ in 0..<400 {
            let event = random.next()
            let before = tracker.state
            let beforeGaps = tracker.gapsByID
            do {
                let diff = try tracker.apply(event)
                applied += 1
                changes += diff.opened.count + diff.changed.count + diff.resolved.count
                // The diff over plain states agrees with the tracker's.
                #expect(engine.diff(before: before, event: event, after: tracker.state) == diff)
            } catch {
                #expect(tracker.state == before)
                #expect(tracker.gapsByID == beforeGaps)
                continue
            }
            let full = engine.gaps(in: tracker.state)
            #expect(tracker.gaps == full, "after \(event.name): \(event)")
            #expect(tracker.index == GapIndex(tracker.state), "index after \(event.name)")
            if tracker.gaps != full { return }
        }
        #expect(applied > 150)
        #expect(changes > 100)
    }

    @Test func diffReportsOpenedChangedResolved() throws {
        let engine = GapEngine()
        var tracker = GapTracker(engine: engine, state: try Fx.state([Fx.municipality("lund", "Lund")]))
        let vague = Goal(id: "lund.g", party: "lund", scopes: [1, 2], word: .climateNeutral, targetYear: 2050)
        var diff = try tracker.apply(.goalAsserted(vague))
        #expect(diff.opened.map(\.id) == ["ambition-gap:lund.g", "definition-gap:lund.g:no-storage-plan"])
        var better = vague
        better.carbonStoragePlan = true
        better.targetYear = 2060
        diff = try tracker.apply(.goalAsserted(better))
        #expect(diff.opened.isEmpty)
        #expect(diff.changed.map(\.id) == ["ambition-gap:lund.g"])
        #expect(diff.resolved == ["definition-gap:lund.g:no-storage-plan"])
        let gaps = tracker.gaps
        #expect(throws: StateError.self) {
            try tracker.apply(.milestoneAdded(roadmapID: "none", milestone: Milestone(year: 2030, text: "x")))
        }
        #expect(tracker.gaps == gaps)
    }
}
