@testable import KlimatnavCore

/// Small builders for hand-made test states.
enum Fx {
    static func municipality(_ id: PartyID, _ name: String) -> DomainEvent {
        .partyRegistered(Party(id: id, kind: .municipality, level: .local, name: name))
    }

    static func party(_ id: PartyID, _ kind: PartyKind, _ level: Level, _ name: String) -> DomainEvent {
        .partyRegistered(Party(id: id, kind: kind, level: level, name: name))
    }

    static let sweden = party("sweden", .reference, .national, "Sweden")
    static let eu = party("eu", .reference, .eu, "EU")
    static let swedenGoal = DomainEvent.goalAsserted(
        Goal(
            id: "sweden.net-zero", party: "sweden", scopes: [1, 2], word: .climateNeutral, basis: .absolute,
            targetYear: 2045, carbonStoragePlan: true, text: "net-zero 2045"))
    static let euGoal = DomainEvent.goalAsserted(
        Goal(
            id: "eu.climate-neutral", party: "eu", scopes: [1, 2], word: .climateNeutral, basis: .absolute,
            targetYear: 2050, carbonStoragePlan: true, text: "climate-neutral 2050"))

    /// A municipality that has described every section, adaptation, and a scope-3 indicator,
    /// and is in a hub, so it has no reporting or hub gaps.
    static func complete(_ id: PartyID) -> [DomainEvent] {
        ContractSection.allCases.map { section in
            .commitmentStated(
                Commitment(
                    party: id, section: section, status: .described,
                    scope3Indicator: section == .reporting ? true : nil))
        }
    }

    /// A well-defined, ambitious goal (no ambition or definition gaps).
    static func goodGoal(_ id: String, _ party: PartyID, year: Int = 2030, sector: String? = nil) -> Goal {
        Goal(
            id: id, party: party, scopes: [1, 2], word: .fossilFree, reductionPercent: 90, baseYear: 1990,
            basis: .absolute, targetYear: year, sector: sector, text: "fossil-free \(year)")
    }

    static func state(_ events: [DomainEvent]) throws -> WorldState {
        try WorldState(applying: events)
    }

    /// The gaps of one kind in the state built from `events`.
    static func gaps(_ kind: GapKind, _ events: [DomainEvent], engine: GapEngine = GapEngine()) throws -> [Gap] {
        engine.gaps(in: try state(events)).filter { $0.kind == kind }
    }

    static func ids(_ kind: GapKind, _ events: [DomainEvent]) throws -> [String] {
        try gaps(kind, events).map(\.id)
    }
}

func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
