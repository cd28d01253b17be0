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

    /// Staging events in batches of random sizes and settling once per batch gives the same
    /// gaps as a full recompute, and the settlement is exactly the change over the batch.
    @Test(arguments: [7, 11, 2026] as [UInt64])
    func batchedSettleEqualsFullRecompute(seed: UInt64) throws {
        let random = RandomEvents(seed: seed)
        let engine = GapEngine(playbook: .standard)
        var tracker = GapTracker(engine: engine, state: try Fx.state(random.registrations()))
        var sizes = SeededGenerator(seed: seed)
        var staged = 0
        var changes = 0
        for _ in 0..<40 {
            let before = tracker.gapsByID
            let size = 1 + Int(sizes.next() % 25)
            var positions: [Int] = []
            for _ in 0..<size {
                let event = random.next()
                let state = tracker.state
                do {
                    positions.append(try tracker.stage(event))
                } catch {
                    #expect(tracker.state == state, "a refused event changes nothing")
                }
            }
            #expect(positions == Array(0..<positions.count))
            #expect(tracker.hasStagedEvents == !positions.isEmpty)
            let settlement = tracker.settle()
            staged += positions.count
            changes += settlement.changes.count
            let full = engine.gaps(in: tracker.state)
            #expect(tracker.gaps == full)
            let expected = GapDiff(from: before, to: Dictionary(uniqueKeysWithValues: full.map { ($0.id, $0) }))
            #expect(settlement.diff == expected)
            #expect(settlement.changes.allSatisfy { positions.contains($0.cause) })
            for change in settlement.changes where change.change == .resolved {
                #expect(before[change.gap.id] == change.gap, "a resolved gap is given as it was")
            }
            if tracker.gaps != full { return }
        }
        #expect(staged > 300)
        #expect(changes > 50)
        #expect(!tracker.hasStagedEvents)
        #expect(tracker.settle().changes.isEmpty)
    }

    /// A gap change is attributed to the last staged event that touched its subject.
    @Test func settlementNamesTheLastEventThatTouchedTheSubject() throws {
        var tracker = GapTracker(
            engine: GapEngine(), state: try Fx.state([Fx.municipality("lund", "Lund"), Fx.municipality("malmo", "Malmö")]))
        let lund = Goal(id: "lund.g", party: "lund", scopes: [1, 2], word: .climateNeutral, targetYear: 2050)
        let malmo = Goal(id: "malmo.g", party: "malmo", scopes: [1, 2], word: .climateNeutral, targetYear: 2050)
        var later = lund
        later.targetYear = 2055
        #expect(try tracker.stage(.goalAsserted(lund)) == 0)
        #expect(try tracker.stage(.goalAsserted(malmo)) == 1)
        #expect(try tracker.stage(.goalAsserted(later)) == 2)
        let settlement = tracker.settle()
        let causes = Dictionary(settlement.changes.map { ($0.gap.id, $0.cause) }, uniquingKeysWith: { a, _ in a })
        #expect(causes["ambition-gap:lund.g"] == 2)
        #expect(causes["ambition-gap:malmo.g"] == 1)
        #expect(settlement.changes.allSatisfy { $0.change == .opened })
    }

    @Test func diffReportsOpenedChangedResolved() throws {
        let engine = GapEngine()
        var tracker = GapTracker(engine: engine, state: try Fx.state([Fx.municipality("lund", "Lund")]))
        let vague = Goal(id: "lund.g", party: "lund", scopes: [1, 2], word: .climateNeutral, targetYear: 2050)
        var diff = try tracker.apply(.goalAsserted(vague))
        #expect(diff.opened.map(\.id) == ["ambition-gap:lund.g", "definition-gap:lund.g:storage-plan-unclear"])
        var better = vague
        better.carbonStoragePlan = true
        better.targetYear = 2060
        diff = try tracker.apply(.goalAsserted(better))
        #expect(diff.opened.isEmpty)
        #expect(diff.changed.map(\.id) == ["ambition-gap:lund.g"])
        #expect(diff.resolved == ["definition-gap:lund.g:storage-plan-unclear"])
        let gaps = tracker.gaps
        #expect(throws: StateError.self) {
            try tracker.apply(.milestoneAdded(roadmapID: "none", milestone: Milestone(year: 2030, text: "x")))
        }
        #expect(tracker.gaps == gaps)
    }
}
