import Testing

@testable import KlimatnavCore

/// Who may send `emission.inventory` (Protocols/klimatnav-wire-v1.md, section 16.2).
@Suite struct InventoryAuthorizationTests {
    static let state: WorldState = {
        try! Fx.state([
            Fx.municipality("goteborg", "Göteborg"), Fx.municipality("malmo", "Malmö"),
            Fx.party("naturvardsverket", .agency, .national, "Naturvårdsverket"),
            Fx.party("energimyndigheten", .agency, .national, "Energimyndigheten"),
            Fx.party("viable-cities", .coordinator, .national, "Viable Cities"),
            .responsibilityClaimed(
                ResponsibilityClaim(party: "naturvardsverket", topic: EmissionInventory.statisticsTopic, level: .national)),
        ])
    }()

    static func inventory(_ party: PartyID, by: PartyID) -> DomainEvent {
        .inventoryReported(
            EmissionInventory(party: party, year: 2023, reportedBy: by, sectors: [SectorEmission(sector: .transport, tonnes: 10)]))
    }

    func check(_ event: DomainEvent, from sender: PartyID) -> Authorization.Refusal? {
        Authorization.check(event, from: Self.state.parties[sender]!, in: Self.state)
    }

    @Test func theStatisticsAgencyAndTheCoordinatorMaySendForAnyParty() {
        #expect(check(Self.inventory("goteborg", by: "naturvardsverket"), from: "naturvardsverket") == nil)
        #expect(check(Self.inventory("goteborg", by: "viable-cities"), from: "viable-cities") == nil)
    }

    @Test func anotherAgencyMayNot() {
        let refusal = check(Self.inventory("goteborg", by: "energimyndigheten"), from: "energimyndigheten")
        #expect(refusal?.message.contains("only the statistics agency") == true)
    }

    @Test func aMunicipalitySendsOnlyItsOwnAndItIsKeptApart() throws {
        #expect(check(Self.inventory("goteborg", by: "goteborg"), from: "goteborg") == nil)
        #expect(check(Self.inventory("malmo", by: "goteborg"), from: "goteborg") != nil)
        var state = Self.state
        try state.apply(Self.inventory("goteborg", by: "naturvardsverket"))
        try state.apply(
            .inventoryReported(
                EmissionInventory(
                    party: "goteborg", year: 2023, reportedBy: "goteborg", sectors: [SectorEmission(sector: .transport, tonnes: 7)])))
        #expect(state.inventories["goteborg"]?[2023]?.totalTonnes == 10)
        #expect(state.ownInventories["goteborg"]?[2023]?.totalTonnes == 7)
        #expect(state.emissionSeries(of: "goteborg").map(\.tonnes) == [10])
        #expect(try WorldState(applying: state.events()) == state)
    }

    @Test func reportedByMustBeTheSender() {
        let refusal = check(Self.inventory("goteborg", by: "naturvardsverket"), from: "viable-cities")
        #expect(refusal?.message.contains("'reportedBy'") == true)
    }

    @Test func badFiguresAreRefusedByTheState() {
        var state = Self.state
        let twice = EmissionInventory(
            party: "goteborg", year: 2023, reportedBy: "naturvardsverket",
            sectors: [SectorEmission(sector: .transport, tonnes: 1), SectorEmission(sector: .transport, tonnes: 2)])
        #expect(throws: StateError.self) { try state.apply(.inventoryReported(twice)) }
        let negative = EmissionInventory(
            party: "goteborg", year: 2023, reportedBy: "naturvardsverket", sectors: [SectorEmission(sector: .waste, tonnes: -1)])
        #expect(throws: StateError.self) { try state.apply(.inventoryReported(negative)) }
        #expect(state == Self.state)
    }
}
