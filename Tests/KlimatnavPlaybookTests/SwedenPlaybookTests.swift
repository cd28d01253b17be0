import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// The `sverige` playbook: the real roster and the emissions, from `Playbooks/data/sweden/`.
@Suite struct SwedenPlaybookTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let playbook: Playbook = try! SwedenPlaybook.load(contentsOf: root.appendingPathComponent("Playbooks/sverige.yaml"))
    static let state: WorldState = try! playbook.state()

    @Test func embeddedEqualsTheFiles() throws {
        #expect(try SwedenPlaybook.loadEmbedded() == Self.playbook)
    }

    @Test func everyMunicipalityOnceWithTheSeedIDsUnchanged() throws {
        let municipalities = Self.playbook.parties.filter { $0.kind == .municipality }
        #expect(municipalities.count == 290)
        #expect(Set(municipalities.map(\.id)).count == 290)
        let seed = try EmbeddedPlaybooks.loadKlimatkontrakt2030().parties.filter { $0.kind == .municipality }
        for party in seed {
            #expect(Self.state.parties[party.id]?.name == party.name, "seed id \(party.id)")
        }
        #expect(Self.state.parties["habo-0643"]?.name == "Habo")
        #expect(Self.state.parties["habo-0643"]?.region == "Jönköpings län")
        #expect(Self.state.parties["habo-0305"]?.name == "Håbo")
        #expect(Self.state.parties["habo-0305"]?.region == "Uppsala län")
        #expect(Self.state.parties["upplands-vasby"]?.name == "Upplands Väsby")
    }

    @Test func twentyOneCountiesWithTheirMembers() {
        let counties = Self.state.parties(ofKind: .regionalHub).filter { $0.level == .regional }
        #expect(counties.count == 21)
        #expect(counties.map { Self.state.members(of: $0.id).count }.reduce(0, +) == 290)
        #expect(counties.allSatisfy { !Self.state.members(of: $0.id).isEmpty })
        #expect(Self.state.members(of: "uppsala-lan").contains("enkoping"))
        #expect(Self.state.members(of: "gotlands-lan").count == 1)
    }

    @Test func programmeMembership() {
        let contract = Self.state.members(of: "viable-cities")
        #expect(contract.filter { Self.state.parties[$0]?.kind == .municipality }.count == 23)
        #expect(
            Set(contract.filter { Self.state.parties[$0]?.kind == .agency })
                == ["energimyndigheten", "vinnova", "formas", "tillvaxtverket", "trafikverket", "naturvardsverket"])
        #expect(
            Set(Self.state.members(of: "eu-cities-mission"))
                == ["gavle", "goteborg", "helsingborg", "lund", "malmo", "stockholm", "umea"])
    }

    @Test func inventoriesFromTheStatisticsAgency() throws {
        #expect(Self.state.inventories.count == 290)
        #expect(Self.state.inventories.values.allSatisfy { $0.count == 13 })
        #expect(Self.state.ownInventories.isEmpty)
        let inventory = try #require(Self.state.inventories["goteborg"]?[2023])
        #expect(inventory.reportedBy == "naturvardsverket")
        #expect(inventory.sectors.count == 9)
        // Climate plans: 174 of 290 (116 have none).
        #expect(Self.state.roadmaps.values.filter { $0.id.hasSuffix(".climate-plan") }.count == 174)
    }

    // MARK: Three cities against figures computed here from the CSV

    /// Total tonnes by year of one municipality code, read from the CSV with plain splitting.
    static func totals(code: String) throws -> [Int: Double] {
        let text = try String(contentsOf: root.appendingPathComponent("Playbooks/data/sweden/emissions-by-sector.csv"), encoding: .utf8)
        let lines = text.replacingOccurrences(of: "\r", with: "").split(separator: "\n")  // the file has CRLF line ends
        let years = lines[0].split(separator: ",").dropFirst(2).map { Int($0)! }
        var totals: [Int: Double] = [:]
        for line in lines.dropFirst() where line.hasPrefix(code + ",") {
            for (year, value) in zip(years, line.split(separator: ",").dropFirst(2)) { totals[year, default: 0] += Double(value)! }
        }
        return totals
    }

    /// Slope of ln(tonnes) over 2015-2023 from the sums (n Σxy - Σx Σy) / (n Σx² - (Σx)²).
    static func slope(_ totals: [Int: Double]) -> Double {
        let points = (2015...2023).map { (Double($0), log(totals[$0]!)) }
        let n = Double(points.count)
        let sx = points.reduce(0) { $0 + $1.0 }, sy = points.reduce(0) { $0 + $1.1 }
        let sxy = points.reduce(0) { $0 + $1.0 * $1.1 }, sxx = points.reduce(0) { $0 + $1.0 * $1.0 }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx)
    }

    @Test(arguments: [
        ("1480", "goteborg.near-zero-2030-production", 0.1, 2030),  // near zero: -90 % against 1990
        ("1281", "lund.minus-80-2030", 0.2, 2030),
        ("0180", "stockholm.fossil-free-2040", 0.1, 2040),  // fossil-free, capped at -90 %
    ])
    func paceMatchesTheCSV(code: String, goalID: String, remaining: Double, year: Int) throws {
        let totals = try Self.totals(code: code)
        let observed = (1 - exp(Self.slope(totals))) * 100
        let target = totals[1990]! * remaining
        let required = (1 - pow(target / totals[2023]!, 1 / Double(year - 2023))) * 100
        let goal = try #require(Self.state.goals[goalID])
        let pace = try #require(GoalPace.assess(goal, in: Self.state))
        #expect(pace.isComparable)
        #expect(abs(pace.observedRatePercent! - observed) < 1e-9)
        #expect(abs(pace.requiredRatePercent! - required) < 1e-9)
        #expect(abs(pace.targetTonnes! - target) < 1e-6)
        #expect(pace.isBehind == (required > observed))
        #expect(observed > 0 && observed < 10, "the README: the nine fell 1-8 % a year")
    }

    @Test func consumptionGoalsAreNotJudged() throws {
        let goal = try #require(Self.state.goals["goteborg.near-zero-2030-consumption"])
        #expect(try #require(GoalPace.assess(goal, in: Self.state)).isComparable == false)
    }

    @Test func gapsOfTheWholeCountry() throws {
        let gaps = GapEngine().gaps(in: Self.state)
        let delivery = gaps.filter { $0.kind == .deliveryGap }
        #expect(delivery.contains { $0.id == "delivery-gap:goteborg.near-zero-2030-production" })
        #expect(delivery.contains { $0.id == "delivery-gap:goteborg:sector-dependence" })
        // The 14 later members: goals unknown, not "no section 3.1".
        let unknown = gaps.filter { $0.id.hasSuffix(":goals-unknown") }
        #expect(unknown.count == 14)
        // Municipalities outside the contract get no contract findings.
        #expect(!gaps.contains { $0.kind == .reportingGap && $0.parties == ["ale"] })
        #expect(!gaps.contains { $0.id == "regional-hub-gap:ale:no-hub-section" })
        // Regional coverage: Östergötland, 9 of 13 municipalities without a climate plan.
        let coverage = try #require(gaps.first { $0.id == "regional-hub-gap:ostergotlands-lan:members-without-climate-plan" })
        #expect(coverage.summary.hasPrefix("9 of Östergötlands län's 13 municipalities have no climate plan"))
        #expect(!gaps.contains { $0.id == "regional-hub-gap:stockholms-lan:members-without-climate-plan" })
    }
}
