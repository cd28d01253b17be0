import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

@testable import KlimatnavNode

/// The hub notes which entities each accepted message changed and reads them from the state
/// once per batch: one row per entity, the last message's, with the value the batch left.
@Suite struct HubBatchEntityTests {
    let lund = Party(id: "lund", kind: .municipality, level: .local, name: "Lund")
    let malmo = Party(id: "malmo", kind: .municipality, level: .local, name: "Malmö")

    func accept(_ event: DomainEvent, _ sequence: UInt64, into batch: inout HubBatch) {
        batch.noteEntities(EntityKey.keys(for: event), item: batch.items.count)
        batch.items.append(
            .accepted(
                AcceptedMessage(
                    sender: "lund", sequence: sequence, type: event.name, body: Data(), receivedAt: Date())))
    }

    func entities(_ batch: HubBatch) -> [[EntityChange]] {
        batch.items.map { item in
            guard case .accepted(let message) = item else { return [] }
            return message.entities
        }
    }

    @Test func anEntityChangedTwiceInABatchIsWrittenOnceWithTheLastMessage() throws {
        var state = WorldState()
        try state.apply(.partyRegistered(lund))
        var batch = HubBatch()
        var goal = Goal(id: "lund.g", party: "lund", targetYear: 2030, text: "fossil free")
        for (sequence, year) in [(UInt64(1), 2030), (2, 2035), (3, 2040)] {
            goal.targetYear = year
            try state.apply(.goalAsserted(goal))
            accept(.goalAsserted(goal), sequence, into: &batch)
        }
        batch.readEntities(from: state)
        try batch.encodeEntities()
        let rows = entities(batch)
        #expect(rows[0].isEmpty && rows[1].isEmpty)
        #expect(rows[2] == (try EntityChange.changes(for: .goalAsserted(goal), in: state)))
        #expect(rows[2].first?.json?.contains("2040") == true)
    }

    @Test func aRemovedEntityKeepsItsPartyAndHasNoValue() throws {
        var state = WorldState()
        try state.apply(.partyRegistered(lund))
        let goal = Goal(id: "lund.g", party: "lund", targetYear: 2030, text: "fossil free")
        var batch = HubBatch()
        try state.apply(.goalAsserted(goal))
        accept(.goalAsserted(goal), 1, into: &batch)
        let withdrawn = DomainEvent.goalWithdrawn(goalID: "lund.g", party: "lund")
        try state.apply(withdrawn)
        accept(withdrawn, 2, into: &batch)
        batch.readEntities(from: state)
        try batch.encodeEntities()
        #expect(entities(batch) == [[], [EntityChange(kind: "goal", id: "lund.g", party: "lund", json: nil)]])
    }

    @Test func differentEntitiesEachGetTheirRowInMessageOrder() throws {
        var state = WorldState()
        var batch = HubBatch()
        for (sequence, party) in [(UInt64(1), lund), (2, malmo)] {
            try state.apply(.partyRegistered(party))
            accept(.partyRegistered(party), sequence, into: &batch)
        }
        let goal = Goal(id: "malmo.g", party: "malmo", targetYear: 2030, text: "climate neutral")
        try state.apply(.goalAsserted(goal))
        accept(.goalAsserted(goal), 3, into: &batch)
        batch.readEntities(from: state)
        #expect(batch.entityRows.map(\.item) == [0, 1, 2])
        try batch.encodeEntities()
        #expect(entities(batch).map { $0.map(\.kind) } == [["party"], ["party"], ["goal"]])
        #expect(entities(batch).map { $0.map(\.id) } == [["lund"], ["malmo"], ["malmo.g"]])
    }

    /// (A goal cannot change owner: another party's goal id is a duplicate-id. A roadmap can,
    /// as far as the state goes; authorization is the hub's business, not the batch's.)
    @Test func aRoadmapThatChangesOwnerInTheBatchIsOneRowWithTheLastOwner() throws {
        var state = WorldState()
        try state.apply(.partyRegistered(lund))
        try state.apply(.partyRegistered(malmo))
        var batch = HubBatch()
        for (sequence, owner) in [(UInt64(1), PartyID("lund")), (2, PartyID("malmo"))] {
            let roadmap = Roadmap(id: "shared.r", owner: owner, name: "Shared", level: .local)
            try state.apply(.roadmapPublished(roadmap))
            accept(.roadmapPublished(roadmap), sequence, into: &batch)
        }
        batch.readEntities(from: state)
        try batch.encodeEntities()
        let rows = entities(batch)
        #expect(rows[0].isEmpty)
        #expect(rows[1].map(\.party) == ["malmo"])
    }
}
