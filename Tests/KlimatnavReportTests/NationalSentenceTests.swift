import KlimatnavCore
import Testing

@testable import KlimatnavReport

/// The Swedish sentences of the national picture's own findings (`run sverige`): a programme
/// member whose goals no source states, and a county where most members have no climate plan.
/// Neither may read as a contract finding or leak its key.
@Suite struct NationalSentenceTests {
    static func state() throws -> WorldState {
        func municipality(_ id: PartyID, _ name: String) -> DomainEvent {
            .partyRegistered(Party(id: id, kind: .municipality, level: .local, name: name))
        }
        return try WorldState(applying: [
            .partyRegistered(Party(id: "viable-cities", kind: .coordinator, level: .national, name: "Viable Cities")),
            .partyRegistered(Party(id: "jamtlands-lan", kind: .regionalHub, level: .regional, name: "Jämtlands län")),
            municipality("ostersund", "Östersund"), municipality("krokom", "Krokom"), municipality("are", "Åre"),
            .membershipJoined(Membership(hub: "viable-cities", member: "ostersund")),
            .membershipJoined(Membership(hub: "jamtlands-lan", member: "ostersund")),
            .membershipJoined(Membership(hub: "jamtlands-lan", member: "krokom")),
            .membershipJoined(Membership(hub: "jamtlands-lan", member: "are")),
            .roadmapPublished(Roadmap(id: "ostersund.klimatplan", owner: "ostersund", name: "Klimatplan", level: .local)),
        ])
    }

    static func sentence(_ gaps: [Gap], _ state: WorldState) throws -> String {
        let gap = try #require(gaps.first)
        return GapSentence.text(gap, in: state, Catalogue(.sv))
    }

    @Test func aMemberWithoutKnownGoalsIsAskedForThem() throws {
        let state = try Self.state()
        let gaps = ProgrammeGoalsRule().gaps(for: .party("ostersund"), in: GapIndex(state))
        #expect(
            try Self.sentence(gaps, state)
                == "Östersund är med i Viable Cities, men inget av kommunens klimatmål finns i underlaget: be kommunen om målen så att de kan följas upp."
        )
    }

    @Test func aCountyCountsItsMembersWithoutAClimatePlan() throws {
        let state = try Self.state()
        let gaps = RegionalCoverageRule().gaps(for: .party("jamtlands-lan"), in: GapIndex(state))
        #expect(gaps.map(\.id) == ["regional-hub-gap:jamtlands-lan:members-without-climate-plan"])
        #expect(try Self.sentence(gaps, state) == "2 av Jämtlands läns 3 kommuner saknar klimatplan: Åre och Krokom.")
    }
}
