import Foundation
import KlimatnavCore
import KlimatnavPlaybook

/// Gap analysis on a synthetic national playbook: a full recompute (index + every rule) and
/// the incremental work per message (``GapTracker/apply(_:)``: apply the event to the state,
/// update the index, re-evaluate only the affected subjects).
enum GapBenchmark {
    struct Result {
        var fullMs: Double
        var incrementalUs: Double
        var incrementalMeanUs: Double
        var incrementalP99Us: Double
        var gaps: Int
        /// Largest share of subjects one message re-evaluates (work, not time).
        var subjectShare: Double
    }

    /// Messages like the ones nodes send after the facts: goals re-asserted with another
    /// target year, commitments restated, claims made again.
    static func updates(_ playbook: Playbook, count: Int) -> [DomainEvent] {
        var events: [DomainEvent] = []
        // Reference levels' goals (Sweden, the EU) are yardsticks for every party: a change
        // there re-evaluates everything, by design, and is rare. Nodes send their own goals.
        let references = Set(playbook.parties.filter { $0.kind == .reference }.map(\.id))
        let goals = playbook.goals.filter { $0.interimOf == nil && $0.targetYear != nil && !references.contains($0.party) }
        for i in 0..<count {
            switch i % 3 {
            case 0, 1:
                var goal = goals[(i * 7919) % goals.count]
                goal.targetYear = 2030 + (i % 21)
                events.append(.goalAsserted(goal))
            default:
                var commitment = playbook.commitments[(i * 104_729) % playbook.commitments.count]
                commitment.scope3Indicator = !(commitment.scope3Indicator ?? false)
                events.append(.commitmentStated(commitment))
            }
        }
        return events
    }

    static func run(scale: Int, runs: Int) throws -> Result {
        let playbook = SyntheticPlaybook.generate(seed: 2021, scale: scale)
        let state = try playbook.initialState()
        let engine = GapEngine(playbook: .standard)
        // Full recompute: index the state, run every rule (warm-up first).
        var gapCount = engine.gaps(in: state).count
        var fullTimes: [Double] = []
        for _ in 0..<max(runs, 3) {
            let start = now()
            gapCount = engine.gaps(in: GapIndex(state)).count
            fullTimes.append((now() - start) * 1000)
        }
        // Incremental: per message.
        var tracker = GapTracker(engine: engine, state: state)
        let events = updates(playbook, count: 600)
        for event in events.prefix(50) { try tracker.apply(event) }  // warm-up
        var perMessage: [Double] = []
        for event in events.dropFirst(50) {
            let start = now()
            try tracker.apply(event)
            perMessage.append((now() - start) * 1e6)
        }
        // Work: subjects evaluated for one message against all subjects.
        let index = tracker.index
        let allSubjects = engine.rules.reduce(0) { $0 + $1.subjects(in: index).count }
        var maxSubjects = 0
        for event in events.prefix(100) {
            var after = index.state
            try after.apply(event)
            var next = index
            next.update(applying: event, before: index.state, after: after)
            let touched = engine.rules.reduce(0) { $0 + 2 * $1.subjects(affectedBy: event, before: index, after: next).count }
            maxSubjects = max(maxSubjects, touched)
        }
        return Result(
            fullMs: Bench.median(fullTimes), incrementalUs: Bench.median(perMessage),
            incrementalMeanUs: perMessage.reduce(0, +) / Double(perMessage.count),
            incrementalP99Us: Bench.percentile(perMessage, 99), gaps: gapCount,
            subjectShare: Double(maxSubjects) / Double(max(1, allSubjects)))
    }
}
