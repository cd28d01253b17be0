@testable import KlimatnavCore

/// SplitMix64: a small seeded generator so random sequences repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random domain events over small pools of ids, so events often touch the same things.
/// Some events are invalid on purpose (unknown parties, goals, barriers).
final class RandomEvents {
    var rng: SeededGenerator
    let municipalities: [PartyID] = ["m1", "m2", "m3", "m4", "m5"]
    let others: [(PartyID, PartyKind, Level)] = [
        ("ag1", .agency, .national), ("ag2", .agency, .national), ("hub1", .regionalHub, .regional),
        ("hub2", .regionalHub, .regional), ("ro1", .roadmapOwner, .industry), ("sweden", .reference, .national),
        ("eu", .reference, .eu), ("vc", .coordinator, .national),
    ]
    let topics = ["t1", "t2", "t3"]
    let sectors: [String?] = [nil, "construction", "transport"]

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    var allParties: [PartyID] { municipalities + others.map(\.0) }

    func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }
    func maybe<T>(_ value: @autoclosure () -> T, _ chance: Double = 0.5) -> T? {
        Double.random(in: 0..<1, using: &rng) < chance ? value() : nil
    }
    func party(known: Bool = true) -> PartyID {
        known || Double.random(in: 0..<1, using: &rng) < 0.9 ? pick(allParties) : "ghost"
    }
    func year() -> Int { pick([2025, 2030, 2035, 2040, 2045, 2050, 2060]) }

    /// The registration of every party, to start from.
    func registrations() -> [DomainEvent] {
        municipalities.map { Fx.municipality($0, $0.rawValue.uppercased()) }
            + others.map { Fx.party($0.0, $0.1, $0.2, $0.0.rawValue.uppercased()) }
    }

    func goal() -> Goal {
        let numeric = Int.random(in: 0..<4, using: &rng)
        // Ids within the party's own pool: another party's goal id is a duplicate-id.
        let owner = party(known: false)
        return Goal(
            id: "\(owner).g\(Int.random(in: 0..<10, using: &rng))", party: owner,
            orientation: pick([.geographic, .geographic, .organisational]), scopes: pick([nil, [1, 2], [1, 2, 3], [3], [1]]),
            word: maybe(pick(GoalWord.allCases), 0.6), reductionPercent: numeric == 0 ? pick([50, 70, 80, 90, 100]) : nil,
            baseYear: maybe(1990, 0.6), perCapitaTonnes: numeric == 1 ? pick([1, 2, 5]) : nil,
            annualRatePercent: numeric == 2 ? pick([3, 7, 12]) : nil, rateFromYear: maybe(2020),
            basis: pick(GoalBasis.allCases), targetYear: maybe(year(), 0.85), sector: pick(sectors),
            carbonStoragePlan: maybe(Bool.random(using: &rng)), text: pick(["", "goal text"]))
    }

    func next() -> DomainEvent {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0:
            // Re-register a party, sometimes with another name, and now and then with
            // another kind or level (refused: wrong-party-kind).
            let id = party()
            let registered = others.first { $0.0 == id }.map { ($0.1, $0.2) } ?? (.municipality, .local)
            let changes = Double.random(in: 0..<1, using: &rng) < 0.2
            let kind: PartyKind = changes ? pick(PartyKind.allCases) : registered.0
            let level: Level = changes ? pick(Level.allCases) : registered.1
            return .partyRegistered(Party(id: id, kind: kind, level: level, name: pick([id.rawValue.uppercased(), "Renamed \(id)"])))
        case 1, 2, 3: return .goalAsserted(goal())
        case 4:
            let owner = party()
            return .goalWithdrawn(goalID: "\(owner).g\(Int.random(in: 0..<10, using: &rng))", party: owner)
        case 5, 6:
            return .commitmentStated(
                Commitment(
                    party: party(known: false), section: pick(ContractSection.allCases),
                    status: pick(CommitmentStatus.allCases), scope3Indicator: maybe(Bool.random(using: &rng))))
        case 7:
            let id = "r\(Int.random(in: 0..<4, using: &rng))"
            return .roadmapPublished(
                Roadmap(
                    id: id, owner: party(known: false), name: "Roadmap \(id)", level: pick(Level.allCases), sector: pick(sectors),
                    targetYear: maybe(year(), 0.9), word: maybe(.fossilFree),
                    signatories: (0..<Int.random(in: 0...3, using: &rng)).map { _ in party() },
                    parent: maybe("r\(Int.random(in: 0..<4, using: &rng))", 0.4)))
        case 8: return .milestoneAdded(roadmapID: "r\(Int.random(in: 0..<5, using: &rng))", milestone: Milestone(year: 2030, text: "m"))
        case 9, 10:
            return .investmentAreaRaised(
                InvestmentArea(
                    id: "a\(Int.random(in: 0..<6, using: &rng))", party: party(known: false), topic: pick(topics),
                    title: pick(["Hydrogen", "EV charging", ""]),
                    needsLevels: (0..<Int.random(in: 1...2, using: &rng)).map { _ in pick(Level.allCases) }))
        case 11:
            return .responsibilityClaimed(ResponsibilityClaim(party: party(known: false), topic: pick(topics), level: pick(Level.allCases)))
        case 12: return .responsibilityReleased(ResponsibilityClaim(party: party(), topic: pick(topics), level: pick(Level.allCases)))
        case 13:
            return .barrierReported(
                RegulatoryBarrier(
                    id: "b\(Int.random(in: 0..<4, using: &rng))", title: "Barrier", changeLevel: pick(Level.allCases),
                    reportedBy: (0..<Int.random(in: 1...2, using: &rng)).map { _ in party(known: false) },
                    affectedTopics: (0..<Int.random(in: 0...2, using: &rng)).map { _ in pick(topics) }))
        case 14:
            let id = "b\(Int.random(in: 0..<5, using: &rng))"
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .barrierAcknowledged(barrierID: id, by: party())
            case 1: return .barrierAssigned(barrierID: id, agency: party(known: false))
            default: return .barrierResolved(barrierID: id, by: party())
            }
        case 15:
            return .policyLabOpened(
                PolicyLab(
                    id: "l\(Int.random(in: 0..<3, using: &rng))", barrier: "b\(Int.random(in: 0..<5, using: &rng))", parties: [party()]))
        case 16: return .policyLabClosed(labID: "l\(Int.random(in: 0..<4, using: &rng))")
        case 17, 18: return .membershipJoined(Membership(hub: pick(["hub1", "hub2", "vc", "ghost"]), member: party()))
        default: return .membershipLeft(Membership(hub: pick(["hub1", "hub2", "vc"]), member: party()))
        }
    }
}
