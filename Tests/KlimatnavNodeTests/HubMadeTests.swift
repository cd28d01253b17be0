import Foundation
import KlimatnavCore
import KlimatnavWire
import Testing

@testable import KlimatnavNode

/// Protocol section 7.4: the hub states its roster's parties and its reference goals itself,
/// numbered on PUB like any change, so that state sequence 0 is the empty state and a
/// subscriber rebuilds the hub's state from what was published.
@Suite(.timeLimit(.minutes(2))) struct HubMadeTests {
    static let netZero = Goal(id: "sweden.net-zero-2045", party: "sweden", word: .zero, targetYear: 2045, text: "netto noll 2045")

    /// Applies DELTAs and GAPs in order to an empty state, as a subscriber does.
    func replay(
        _ publications: [HubPublication], onto start: WorldState = WorldState(), gaps: [String: Gap] = [:]
    ) throws -> (WorldState, [String: Gap]) {
        var state = start
        var gaps = gaps
        for publication in publications {
            switch try WireCodec.decode(frames: publication.frames()) {
            case .delta(let delta):
                #expect(delta.by == nil, "a hub-made change has no sender")
                try state.apply(delta.event)
            case .gap(let gap):
                gaps[gap.gap.id] = gap.change == .resolved ? nil : gap.gap
            default:
                Issue.record("only DELTA and GAP are published")
            }
        }
        return (state, gaps)
    }

    @Test func aFreshHubPublishesItsRosterThenReferenceGoalsThenTheirGaps() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub(referenceGoals: [Self.netZero])
        let hub = fixture.hub!
        let published = await hub.startupPublications
        let sequences = published.map(\.stateSequence)
        #expect(sequences == Array(1...UInt64(published.count)), "numbered 1, 2, 3, ... from the empty state")
        #expect(await hub.stateSequence == UInt64(published.count))
        let deltas = try published.prefix(fixture.roster.count + 1).map { try WireCodec.decode(frames: $0.frames()) }
        #expect(
            deltas == fixture.roster.enumerated().map { .delta(Delta(stateSequence: UInt64($0 + 1), by: nil, event: .partyRegistered($1))) }
                + [.delta(Delta(stateSequence: UInt64(fixture.roster.count + 1), by: nil, event: .goalAsserted(Self.netZero)))])
        let (state, gaps) = try replay(published)
        #expect(state == (await hub.state))
        #expect(state.goals[Self.netZero.id] == Self.netZero)
        #expect(!gaps.isEmpty, "the roster opens gaps (no goals yet)")
        #expect(gaps == Dictionary(uniqueKeysWithValues: await hub.openGaps.map { ($0.id, $0) }))
        // The gaps the hub logged are the ones it published; its current-state rows hold them.
        #expect(Set(try await fixture.store().gaps().map(\.gap.id)) == Set(gaps.keys))
        #expect(try await fixture.store().currentState().goals[Self.netZero.id] == Self.netZero)
        await fixture.tearDown()
    }

    @Test func aRestartPublishesOnlyWhatChangedInTheRosterOrReferenceGoals() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub(referenceGoals: [Self.netZero])
        #expect(!(await fixture.hub.startupPublications.isEmpty))
        // A message from a node between the restarts: the hub-made changes replay around it.
        let lund = try await fixture.link("lund")
        #expect(
            try await lund.deliver(.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lunds kommun")))
                .isAcknowledged)
        await lund.close()
        var state = await fixture.hub.state
        var gaps = Dictionary(uniqueKeysWithValues: await fixture.hub.openGaps.map { ($0.id, $0) })
        try await fixture.stopHub()

        try await fixture.startHub(referenceGoals: [Self.netZero])
        #expect(await fixture.hub.startupPublications.isEmpty, "nothing changed")
        #expect(await fixture.hub.state == state)
        let sequence = await fixture.hub.stateSequence
        try await fixture.stopHub()

        var roster = fixture.roster
        roster[1].name = "Malmö stad"
        try await fixture.startHub(roster: roster, referenceGoals: [])
        let second = await fixture.hub.startupPublications
        #expect(second.map(\.stateSequence) == Array(sequence + 1...sequence + UInt64(second.count)))
        let changes = try second.compactMap { publication -> DomainEvent? in
            guard case .delta(let delta) = try WireCodec.decode(frames: publication.frames()) else { return nil }
            return delta.event
        }
        #expect(changes == [.partyRegistered(roster[1]), .goalWithdrawn(goalID: Self.netZero.id, party: "sweden")])
        (state, gaps) = try replay(second, onto: state, gaps: gaps)
        #expect(state == (await fixture.hub.state))
        #expect(state.parties["lund"]?.name == "Lunds kommun", "the node's own registration is kept")
        let rows = try await fixture.store().currentState()
        #expect(rows.goals[Self.netZero.id] == nil && rows.parties["malmo"]?.name == "Malmö stad")
        #expect(gaps == Dictionary(uniqueKeysWithValues: await fixture.hub.openGaps.map { ($0.id, $0) }))
        try await fixture.stopHub()

        // And once more with that roster: the log replays to the same state.
        try await fixture.startHub(roster: roster, referenceGoals: [])
        #expect(await fixture.hub.startupPublications.isEmpty)
        #expect(await fixture.hub.state == state)
        await fixture.tearDown()
    }
}
