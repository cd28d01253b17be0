import KlimatnavCore
import Testing

@testable import KlimatnavReport

/// The goal table orders goals as the report's Table 4.1.1 does where the report is unambiguous.
@Suite struct GoalTableTests {
    /// Pairs (sharper, weaker) read off Table 4.1.1: a row above another in the same scope group.
    static let scope12Order: [(String, String)] = [
        ("stockholm.climate-positive-2040", "umea.climate-neutral-2040"),  // klimatpositivt 2040 above klimatneutral 2040
        ("goteborg.near-zero-2030-production", "lund.minus-80-2030"),  // nära noll 2030 above -80 % 2030
        ("lund.minus-80-2030", "malmo.minus-70-2030"),  // -80 % above -70 %
        ("uppsala.fossil-free-2030", "lund.near-zero-2050"),  // fossilfritt 2030 above nära noll 2050
        ("goteborg.near-zero-2030-production", "enkoping.fossil-free-2050"),  // the year matters
        ("vaxjo.fossil-free-2030", "stockholm.fossil-free-2040"),  // same word, earlier year first
    ]
    static let scope123Order: [(String, String)] = [
        ("vaxjo.no-negative-impact-2030", "goteborg.near-zero-2030-consumption"),  // ingen negativ påverkan above nära noll
        ("goteborg.near-zero-2030-consumption", "uppsala.near-zero-2040"),
        ("umea.consumption-2t-2040", "malmo.consumption-well-on-the-way-2030"),  // t per invånare above "på god väg"
        ("malmo.consumption-well-on-the-way-2030", "enkoping.climate-smart-2050"),  // klimatsmart last
    ]

    private func index(_ id: String, in group: GoalTable.Group) -> Int? {
        group.rows.firstIndex { $0.goal.id == id }
    }

    @Test func orderAgreesWithTable411() throws {
        let table = GoalTable(model: try Support.seedModel())
        let scope12 = try #require(table.groups.first { $0.scope == .scope12 })
        let scope123 = try #require(table.groups.first { $0.scope == .scope123 })
        for (group, pairs) in [(scope12, Self.scope12Order), (scope123, Self.scope123Order)] {
            for (sharper, weaker) in pairs {
                let a = try #require(index(sharper, in: group), "\(sharper) missing")
                let b = try #require(index(weaker, in: group), "\(weaker) missing")
                #expect(a < b, "\(sharper) should be above \(weaker)")
            }
        }
    }

    @Test func groupsYearsAndFlags() throws {
        let table = GoalTable(model: try Support.seedModel())
        #expect(table.groups.map(\.scope) == [.scope12, .scope123, .unstated])
        let scope12 = table.groups[0]
        #expect(scope12.years.contains(2030) && scope12.years.contains(2045) && scope12.years.contains(2050))
        let lundProposal = try #require(scope12.rows.first { $0.goal.id == "lund.climate-neutral-2030" })
        #expect(lundProposal.flags.contains(.proposed))
        let lund80 = try #require(scope12.rows.first { $0.goal.id == "lund.minus-80-2030" })
        #expect(lund80.flags.contains(.basisUnstated))
        let unstated = table.groups[2]
        #expect(unstated.rows.allSatisfy { $0.flags.contains(.scopeUnstated) })
    }

    @Test func swedishTableUsesDecimalCommaAndSwedishLabels() throws {
        let html = GoalTable(model: try Support.seedModel()).html(Catalogue(.sv))
        #expect(html.contains("\u{2212}80\u{00A0}% mot 1990"))
        #expect(html.contains("fossilfritt"))
        #expect(html.contains("Göteborg"))
        // Lund's -80 % by 2030 from 1990 is 3.9 %/yr from 1990; no rate from 2020 is shown for
        // it (that would need the 2020 emissions), and the note says so.
        #expect(html.contains("3,9\u{00A0}%/år"))
        #expect(!html.contains("14,9"))
        #expect(html.contains("ingen takt från 2020"))
        // Uppsala's stated 10-14 %/yr (12 %) is a rate from 2021 and is shown.
        #expect(html.contains("12\u{00A0}%/år"))
        let english = GoalTable(model: try Support.seedModel()).markdown(Catalogue(.en))
        #expect(english.contains("3.9%/yr"))
        #expect(!english.contains("14.9%/yr"))
        // Table 4.1.1 compares whole-territory goals: the municipal organisation's own goal is out.
        #expect(!english.contains("municipal organisation"))
    }
}
