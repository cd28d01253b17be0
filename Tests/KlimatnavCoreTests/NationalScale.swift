@testable import KlimatnavCore

/// A synthetic national-scale state: 290 municipalities, 21 regional hubs, 30 roadmaps,
/// 300 barriers, 10 agencies, Sweden and the EU. Deterministic for a seed.
enum NationalScale {
    static func events(seed: UInt64 = 7) -> [DomainEvent] {
        var rng = SeededGenerator(seed: seed)
        func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
        let topics = (0..<40).map { "topic-\($0)" }
        let municipalities = (0..<290).map { PartyID("m\($0)")! }
        let hubs = (0..<21).map { PartyID("hub\($0)")! }
        let agencies = (0..<10).map { PartyID("agency\($0)")! }
        var events: [DomainEvent] = [
            Fx.sweden, Fx.swedenGoal, Fx.eu, Fx.euGoal,
            Fx.party("fossilfritt", .roadmapOwner, .industry, "Fossilfritt Sverige"),
        ]
        events += municipalities.map { Fx.municipality($0, "Kommun \($0)") }
        events += hubs.map { Fx.party($0, .regionalHub, .regional, "Hub \($0)") }
        events += agencies.map { Fx.party($0, .agency, .national, "Agency \($0)") }
        for (i, m) in municipalities.enumerated() {
            events.append(.membershipJoined(Membership(hub: hubs[i % 21], member: m)))
            for section in ContractSection.allCases where int(0..<10) > 1 {
                events.append(
                    .commitmentStated(
                        Commitment(
                            party: m, section: section, status: int(0..<5) == 0 ? .nothingDescribed : .described,
                            scope3Indicator: int(0..<2) == 0)))
            }
            for g in 0..<5 {
                events.append(
                    .goalAsserted(
                        Goal(
                            id: "\(m).g\(g)", party: m, scopes: [[1, 2], [1, 2, 3], nil][int(0..<3)],
                            word: [GoalWord.fossilFree, .climateNeutral, .nearZero, .climateSmart][int(0..<4)],
                            reductionPercent: int(0..<2) == 0 ? Double([50, 70, 80, 90][int(0..<4)]) : nil, baseYear: 1990,
                            basis: .absolute, targetYear: [2030, 2035, 2040, 2045, 2050][int(0..<5)],
                            sector: [nil, nil, "construction", "transport"][int(0..<4)])))
            }
            if int(0..<2) == 0 {
                events.append(
                    .investmentAreaRaised(
                        InvestmentArea(id: "\(m).area", party: m, topic: topics[int(0..<40)], title: "Area", needsLevels: [.national])))
            }
        }
        for t in topics where int(0..<3) == 0 {
            events.append(.responsibilityClaimed(ResponsibilityClaim(party: agencies[int(0..<10)], topic: t, level: .national)))
        }
        for r in 0..<30 {
            events.append(
                .roadmapPublished(
                    Roadmap(
                        id: "roadmap\(r)", owner: "fossilfritt", name: "Roadmap \(r)", level: .industry,
                        sector: ["construction", "transport", "steel"][r % 3], targetYear: [2040, 2045, 2050][int(0..<3)],
                        signatories: (0..<10).map { _ in municipalities[int(0..<290)] })))
        }
        for b in 0..<300 {
            events.append(
                .barrierReported(
                    RegulatoryBarrier(
                        id: "barrier\(b)", title: "Barrier \(b)", changeLevel: [.national, .eu, .regional][int(0..<3)],
                        reportedBy: (0..<int(1..<3)).map { _ in municipalities[int(0..<290)] }, affectedTopics: [topics[int(0..<40)]])))
        }
        return events
    }
}
