import Foundation
import Testing

@testable import KlimatnavCore

/// Observed and required pace (``EmissionTrend``, ``GoalPace``) on hand-made inventories.
@Suite struct TrajectoryTests {
    static func inventory(_ party: PartyID, _ year: Int, _ tonnes: Double, industry: Double = 0) -> DomainEvent {
        .inventoryReported(
            EmissionInventory(
                party: party, year: year, reportedBy: "naturvardsverket",
                sectors: [SectorEmission(sector: .transport, tonnes: tonnes), SectorEmission(sector: .industry, tonnes: industry)]))
    }

    /// A town whose emissions fall exactly `rate` a year from 1000 t in 2015, with 1990 at `base`.
    static func town(rate: Double, base: Double = 2000, industry: Double = 0) -> [DomainEvent] {
        [
            Fx.municipality("town", "Town"), Fx.party("naturvardsverket", .agency, .national, "Naturvårdsverket"),
            inventory("town", 1990, base, industry: industry),
        ]
            + (2015...2023).map { inventory("town", $0, 1000 * pow(1 - rate, Double($0 - 2015)), industry: industry) }
    }

    @Test func trendOfAnExactExponentialIsItsRate() throws {
        let state = try Fx.state(Self.town(rate: 0.05))
        let trend = try #require(state.emissionTrend(of: "town"))
        #expect(trend.points == 9)
        #expect((trend.firstYear, trend.lastYear) == (2015, 2023))
        #expect(abs(trend.ratePercent - 5) < 1e-9)
    }

    @Test func oneOddYearMovesTheFittedPaceLittle() throws {
        var events = Self.town(rate: 0.05)
        // A reserve plant runs in 2021: that year's emissions double.
        events[2 + 2021 - 2015 + 1] = Self.inventory("town", 2021, 2000 * pow(0.95, 6))
        let trend = try #require(try Fx.state(events).emissionTrend(of: "town"))
        // First-to-last would still say 5 %; one year cannot flip the fitted sign or halve it.
        #expect(trend.ratePercent > 2.5 && trend.ratePercent < 5)
    }

    @Test func requiredPaceAndYearReachedForACut() throws {
        // -80 % against 1990 (2000 t) by 2030: 400 t. Latest 2023: 1000 * 0.95^8.
        let goal = Goal(id: "town.minus-80-2030", party: "town", scopes: [1, 2], reductionPercent: 80, baseYear: 1990, targetYear: 2030)
        let state = try Fx.state(Self.town(rate: 0.05) + [.goalAsserted(goal)])
        let pace = try #require(GoalPace.assess(goal, in: state))
        let latest: Double = 1000 * pow(0.95, 8.0)
        #expect(pace.isComparable)
        #expect(pace.latestYear == 2023)
        #expect(abs(pace.targetTonnes! - 400) < 1e-9)
        let required: Double = (1 - pow(400 / latest, 1.0 / 7)) * 100
        #expect(abs(pace.requiredRatePercent! - required) < 1e-9)
        #expect(pace.isBehind == (required > 5))
        let years: Double = log(400 / latest) / log(0.95)
        #expect(pace.yearReached == 2023 + Int(years.rounded(FloatingPointRoundingRule.up)))
    }

    @Test func wordsAreReadAgainst1990AndCapped() throws {
        let goal = Goal(id: "town.fossil-free-2030", party: "town", scopes: [1, 2], word: .fossilFree, targetYear: 2030)
        let state = try Fx.state(Self.town(rate: 0.05) + [.goalAsserted(goal)])
        let pace = try #require(GoalPace.assess(goal, in: state))
        #expect(pace.baseYear == 1990)
        #expect(pace.cutPercent == 90)
        #expect(abs(pace.targetTonnes! - 200) < 1e-9)
    }

    @Test func consumptionAndPerCapitaGoalsAreLabelledNotJudged() throws {
        let consumption = Goal(id: "town.consumption", party: "town", scopes: [1, 2, 3], word: .nearZero, targetYear: 2030)
        let perCapita = Goal(id: "town.per-capita", party: "town", perCapitaTonnes: 1, basis: .perCapita, targetYear: 2030)
        let organisation = Goal(
            id: "town.org", party: "town", orientation: .organisational, area: .organisation, word: .climateNeutral, targetYear: 2030)
        let state = try Fx.state(Self.town(rate: 0) + [consumption, perCapita, organisation].map { .goalAsserted($0) })
        let c = try #require(GoalPace.assess(consumption, in: state))
        #expect(
            c.comparability
                == .notComparable(
                    BilingualText(
                        sv: "konsumtionsbaserat (scope 3): kan inte jämföras med territoriella utsläpp",
                        en: "consumption-based (scope 3): not comparable with territorial data")))
        #expect(!c.isBehind)
        #expect(try #require(GoalPace.assess(perCapita, in: state)).isComparable == false)
        #expect(try #require(GoalPace.assess(organisation, in: state)).isComparable == false)
        #expect(try DeliveryGapRule().gaps(in: GapIndex(state)).isEmpty)
    }

    @Test func aPassedTargetYearNotReachedIsMissed() throws {
        let goal = Goal(id: "town.minus-90-2020", party: "town", scopes: [1, 2], reductionPercent: 90, baseYear: 1990, targetYear: 2020)
        let state = try Fx.state(Self.town(rate: 0.05) + [.goalAsserted(goal)])
        let pace = try #require(GoalPace.assess(goal, in: state))
        #expect(pace.isMissed && pace.isBehind)
        #expect(pace.requiredRatePercent == nil)
    }

    @Test func risingEmissionsNeverReachTheGoal() throws {
        let goal = Goal(id: "town.minus-80-2040", party: "town", scopes: [1, 2], reductionPercent: 80, baseYear: 1990, targetYear: 2040)
        let state = try Fx.state(Self.town(rate: -0.02) + [.goalAsserted(goal)])
        let pace = try #require(GoalPace.assess(goal, in: state))
        #expect(pace.observedRatePercent! < 0)
        #expect(pace.yearReached == nil)
        #expect(pace.isBehind)
    }

    @Test func deliveryGapNamesFiguresAndTheLevelsOfDominantSectors() throws {
        let goal = Goal(
            id: "town.minus-80-2030", party: "town", scopes: [1, 2], reductionPercent: 80, baseYear: 1990, targetYear: 2030,
            text: "-80 % by 2030")
        let state = try Fx.state(Self.town(rate: 0.01, industry: 3000) + [.goalAsserted(goal)])
        let gaps = DeliveryGapRule().gaps(in: GapIndex(state)).sorted { $0.id < $1.id }
        #expect(gaps.map(\.id) == ["delivery-gap:town.minus-80-2030", "delivery-gap:town:sector-dependence"])
        let delivery = gaps[0]
        #expect(delivery.kind == .deliveryGap)
        #expect(delivery.levels.contains(.eu) && delivery.levels.contains(.national))
        #expect(delivery.evidence.contains { $0.hasPrefix("observed -") && $0.contains("least-squares") })
        #expect(delivery.evidence.contains { $0.hasPrefix("required -") })
        #expect(delivery.evidence.contains { $0.hasPrefix("sector industry") })
        #expect(gaps[1].summary.hasPrefix("Industry (energy and processes) is 76 % of Town's emissions (2023)"))
    }

    @Test func aGoalEarlierThanItsSectorRoadmapIsNamedAsMisalignment() throws {
        let goal = Goal(id: "town.minus-80-2030", party: "town", scopes: [1, 2], reductionPercent: 80, baseYear: 1990, targetYear: 2030)
        let roadmap = Roadmap(
            id: "industry-2045", owner: "fossilfritt", name: "Industry roadmap", level: .industry, sector: "industry", targetYear: 2045)
        let state = try Fx.state(
            Self.town(rate: 0.01, industry: 3000) + [
                .goalAsserted(goal), Fx.party("fossilfritt", .roadmapOwner, .national, "Fossilfritt Sverige"), .roadmapPublished(roadmap),
            ])
        let gap = try #require(DeliveryGapRule().gaps(in: GapIndex(state)).first { $0.id.hasSuffix("sector-dependence") })
        #expect(gap.summary.contains("Roadmap misalignment: the goal is earlier than Industry roadmap (2045)"))
    }

    /// Inventories, goals, programme memberships and sector roadmaps in random order: the
    /// tracker's gaps equal a full recompute after every event and after batched settles.
    @Test(arguments: [1, 14, 2023] as [UInt64])
    func incrementalEqualsFullRecomputeWithInventories(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let towns: [PartyID] = ["alpha", "beta", "gamma", "delta"]
        var setup: [DomainEvent] = towns.map { Fx.municipality($0, $0.rawValue.capitalized) }
        setup += [
            Fx.party("naturvardsverket", .agency, .national, "Naturvårdsverket"),
            Fx.party("programme", .coordinator, .national, "Programme"),
            Fx.party("county", .regionalHub, .regional, "County"), Fx.party("owner", .roadmapOwner, .national, "Owner"),
            .responsibilityClaimed(
                ResponsibilityClaim(party: "naturvardsverket", topic: EmissionInventory.statisticsTopic, level: .national)),
        ]
        let engine = GapEngine(playbook: .standard)
        var tracker = GapTracker(engine: engine, state: try Fx.state(setup))
        var applied = 0
        var seenCoverage = false
        for step in 0..<300 {
            let town = pick(towns)
            let event: DomainEvent =
                switch random.next() % 8 {
                case 0, 1, 2:
                    Self.inventory(
                        town, pick([1990, 2015, 2017, 2019, 2021, 2022, 2023]), Double(random.next() % 5000) + 1,
                        industry: Double(random.next() % 8000))
                case 3:
                    .goalAsserted(
                        Goal(
                            id: "\(town).goal-\(random.next() % 2)", party: town, scopes: pick([[1, 2], [1, 2, 3]]),
                            reductionPercent: pick([50, 80, 100]), baseYear: 1990, targetYear: pick([2020, 2030, 2045])))
                case 4:
                    .goalWithdrawn(goalID: "\(town).goal-\(random.next() % 2)", party: town)
                case 5:
                    random.next() % 2 == 0
                        ? DomainEvent.membershipJoined(Membership(hub: pick(["programme", "county"] as [PartyID]), member: town))
                        : DomainEvent.membershipLeft(Membership(hub: pick(["programme", "county"] as [PartyID]), member: town))
                case 6:
                    .roadmapPublished(
                        Roadmap(
                            id: "sector-roadmap", owner: "owner", name: "Sector roadmap", level: .industry,
                            sector: pick(["industry", "transport", "construction"]), targetYear: pick([2030, 2045])))
                case 7 where random.next() % 2 == 0:
                    // A climate plan: a local roadmap of the town (regional coverage).
                    .roadmapPublished(Roadmap(id: "\(town).plan", owner: town, name: "Plan", level: pick([.local, .regional])))
                default:
                    .commitmentStated(Commitment(party: town, section: .goals, status: .described))
                }
            if step % 3 == 0 {
                // Staged: settle every few events, as the hub does per group commit.
                if (try? tracker.stage(event)) != nil { applied += 1 }
                if step % 6 == 0 { _ = tracker.settle() } else { continue }
            } else {
                if (try? tracker.apply(event)) != nil { applied += 1 }
            }
            // A refused `apply` leaves earlier staged events unsettled: gaps are as of the last settle.
            if tracker.hasStagedEvents { _ = tracker.settle() }
            let full = engine.gaps(in: tracker.state)
            if full.contains(where: { $0.id.hasSuffix(":members-without-climate-plan") }) { seenCoverage = true }
            if tracker.gaps != full {
                let tracked = Set(tracker.gaps), expected = Set(full)
                Issue.record(
                    "after \(event) at step \(step): only tracked \(tracked.subtracting(expected).map(\.id)), only full \(expected.subtracting(tracked).map(\.id))"
                )
                return
            }
        }
        _ = tracker.settle()
        #expect(tracker.gaps == engine.gaps(in: tracker.state))
        #expect(applied > 200)
        #expect(tracker.gaps.contains { $0.kind == .deliveryGap })
        #expect(seenCoverage, "the county's climate-plan finding was exercised")
    }
}
