import Foundation
import KlimatnavCore

/// Made-up national-scale playbooks for load tests and benchmarks: reproducible from a seed,
/// valid by construction (every reference points at something defined before it).
///
/// At scale 1: 290 municipalities, 21 regional hubs, 10 agencies, a coordinator, a sector
/// roadmap owner, reference parties `sweden` (net-zero 2045) and `eu` (2050); 30 roadmaps
/// (12 national sector roadmaps, 10 regional, 8 local, each with a parent a level up);
/// 300 barriers; 10 policy labs; goals of every form; all eight contract sections per
/// municipality (some absent or with nothing described); investment areas and claims that
/// leave some topics unclaimed. Scale `k` multiplies the counts (the singletons stay single).
public enum SyntheticPlaybook {
    public static let topics = [
        "hydrogen", "transport-electrification", "carbon-capture-storage", "district-heating", "solar-energy",
        "construction-materials", "biofuels", "circular-economy", "water-sewage-waste", "digital-twin",
        "industrial-services", "consumption-data",
    ]
    static let sectors = [
        "construction", "transport", "steel", "cement", "heating", "electricity", "agriculture", "forestry",
        "mining", "shipping", "aviation", "retail",
    ]
    /// Swedish names of the topics and sectors, for the texts (Swedish first, English beside).
    static let swedish: [String: String] = [
        "hydrogen": "vätgas", "transport-electrification": "elektrifiering av transporter",
        "carbon-capture-storage": "avskiljning och lagring av koldioxid", "district-heating": "fjärrvärme",
        "solar-energy": "solenergi", "construction-materials": "byggmaterial", "biofuels": "biobränslen",
        "circular-economy": "cirkulär ekonomi", "water-sewage-waste": "vatten, avlopp och avfall",
        "digital-twin": "digital tvilling", "industrial-services": "industriella tjänster",
        "consumption-data": "konsumtionsdata",
        "construction": "bygg och anläggning", "transport": "transporter", "steel": "stål", "cement": "cement",
        "heating": "uppvärmning", "electricity": "el", "agriculture": "jordbruk", "forestry": "skogsbruk",
        "mining": "gruvor", "shipping": "sjöfart", "aviation": "flyg", "retail": "handel",
    ]
    /// Swedish titles of the required contract sections 3.1-3.8.
    static let swedishSections: [ContractSection: String] = [
        .goals: "Klimatmål", .strategy: "Strategi", .organisation: "Organisation och ledning",
        .collaboration: "Samverkan med näringsliv, akademi, medborgare och civilsamhälle",
        .investmentPlan: "Klimatinvesteringsplan", .digitalSupport: "Digitalt stöd",
        .regionalHub: "Kommunen som regional innovationshubb", .reporting: "Rapportering och uppföljning",
    ]
    static func sv(_ key: String) -> String { swedish[key] ?? key }
    /// A goal word as a Swedish goal text says it.
    static func swedishWord(_ word: GoalWord) -> String {
        switch word {
        case .climateSmart: "klimatsmart"
        case .reducedConsumptionImpact: "minskad klimatpåverkan från konsumtionen"
        case .wellOnTheWay: "konsumtionens utsläpp på god väg till en hållbar nivå"
        case .fossilFree: "fossilfritt"
        case .renewable: "100 % förnybar energi"
        case .nearZero: "nära noll"
        case .zero: "noll"
        case .climateNeutral: "klimatneutralt"
        case .noNegativeImpact: "ingen negativ klimatpåverkan"
        case .climatePositive: "klimatpositivt"
        }
    }
    static let platforms = ["eu-covenant-of-mayors", "global-covenant-of-mayors", "cdp", "klimatkommunerna", "wwf-opcc"]

    /// - Parameters:
    ///   - seed: the same seed always gives the same playbook (and the same YAML bytes).
    ///   - scale: multiplies the national counts (1 = Sweden's size).
    ///   - timelineCount: how many dated messages to add after the facts.
    public static func generate(seed: UInt64, scale: Int = 1, timelineCount: Int = 0) -> Playbook {
        var generator = Generator(seed: seed, scale: max(1, scale))
        return generator.build(timelineCount: max(0, timelineCount))
    }
}

private struct Generator {
    var rng: SplitMix64
    let scale: Int
    let seed: UInt64
    var playbook: Playbook
    var municipalities: [PartyID] = []
    var regions: [PartyID] = []
    var agencies: [PartyID] = []
    let coordinator: PartyID = "coordinator"
    let roadmapOwner: PartyID = "sector-roadmaps"
    var nationalRoadmaps: [Int] = []
    var regionalRoadmaps: [Int] = []
    var openLabs: [String] = []

    init(seed: UInt64, scale: Int) {
        self.seed = seed
        self.scale = scale
        rng = SplitMix64(seed: seed)
        playbook = Playbook(
            id: "synthetic-\(seed)-x\(scale)", title: "Syntetiskt nationellt scenario (frö \(seed), skala \(scale))",
            asOf: PlaybookDate.parse("2021-10-01")!, source: "SyntheticPlaybook.generate(seed: \(seed), scale: \(scale))",
            illustrative: true)
    }

    static func id(_ prefix: String, _ n: Int, width: Int) -> PartyID {
        let digits = String(n)
        return PartyID(prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits)!
    }

    static func width(_ count: Int) -> Int { String(count).count }

    mutating func build(timelineCount: Int) -> Playbook {
        makeParties()
        makeGoals()
        makeCommitments()
        makeRoadmaps()
        makeInvestmentAreasAndClaims()
        makeBarriersAndLabs()
        makeTimeline(timelineCount)
        return playbook
    }

    mutating func makeParties() {
        let regionCount = 21 * scale, municipalityCount = 290 * scale, agencyCount = 10 * scale
        for r in 1...regionCount {
            let id = Self.id("region-", r, width: Self.width(regionCount))
            regions.append(id)
            playbook.parties.append(Party(id: id, kind: .regionalHub, level: .regional, name: "Region \(r)", region: "Län \(r)"))
        }
        for a in 1...agencyCount {
            let id = Self.id("agency-", a, width: Self.width(agencyCount))
            agencies.append(id)
            playbook.parties.append(Party(id: id, kind: .agency, level: .national, name: "Myndighet \(a)", nameEn: "Agency \(a)"))
        }
        playbook.parties.append(Party(id: coordinator, kind: .coordinator, level: .national, name: "Samordnare", nameEn: "Coordinator"))
        playbook.parties.append(
            Party(id: roadmapOwner, kind: .roadmapOwner, level: .industry, name: "Branschfärdplaner", nameEn: "Sector roadmaps"))
        playbook.parties.append(Party(id: "sweden", kind: .reference, level: .national, name: "Sverige", nameEn: "Sweden"))
        playbook.parties.append(Party(id: "eu", kind: .reference, level: .eu, name: "Europeiska unionen", nameEn: "European Union"))
        for m in 1...municipalityCount {
            let id = Self.id("kommun-", m, width: Self.width(municipalityCount))
            municipalities.append(id)
            let region = regions[(m - 1) % regions.count]
            // Skewed sizes: most small, a few large.
            let population = 2_500 + rng.below(40_000) * (rng.chance(10) ? 20 : 1)
            var platforms: [String] = []
            for platform in SyntheticPlaybook.platforms where rng.chance(25) { platforms.append(platform) }
            playbook.parties.append(
                Party(
                    id: id, kind: .municipality, level: .local, name: "Kommun \(m)",
                    region: "Län \((m - 1) % regions.count + 1)", population: population, reportingPlatforms: platforms))
            playbook.memberships.append(Membership(hub: region, member: id))
            if rng.chance(5) {
                playbook.memberships.append(Membership(hub: rng.pick(regions.filter { $0 != region }.prefix(5).map { $0 }), member: id))
            }
        }
    }

    mutating func makeGoals() {
        playbook.goals.append(
            Goal(
                id: "sweden.net-zero-2045", party: "sweden", scopes: [1, 2], word: .climateNeutral,
                basis: .absolute, targetYear: 2045, text: "Nettonollutsläpp av växthusgaser 2045",
                textEn: "Net-zero greenhouse gas emissions by 2045"))
        playbook.goals.append(
            Goal(
                id: "eu.climate-neutral-2050", party: "eu", word: .climateNeutral, basis: .absolute,
                targetYear: 2050, text: "Klimatneutralitet 2050", textEn: "Climate neutrality by 2050"))
        for municipality in municipalities {
            let count = rng.int(in: 1...3)
            var first: String?
            for n in 1...count {
                var goal = randomGoal(municipality, "\(municipality).goal-\(n)")
                if let first, rng.chance(30), goal.targetYear.map({ $0 <= 2035 }) ?? false { goal.interimOf = first }
                if first == nil { first = goal.id }
                playbook.goals.append(goal)
            }
        }
    }

    mutating func randomGoal(_ party: PartyID, _ id: String) -> Goal {
        var goal = Goal(id: id, party: party)
        let target = rng.pick([2030, 2030, 2035, 2040, 2045, 2050])
        goal.targetYear = target
        goal.scopes = rng.pick([[1, 2], [1, 2], [1, 2, 3], [3], nil])
        goal.basis = rng.pick([GoalBasis.absolute, .absolute, .perCapita, .unstated])
        if rng.chance(15) { goal.orientation = .organisational; goal.area = .organisation }
        if rng.chance(5) { goal.area = .district; goal.areaName = "Stadsdel \(rng.int(in: 1...9))" }
        if rng.chance(10) { goal.status = .proposed }
        switch rng.below(5) {
        case 0:
            goal.word = rng.pick(GoalWord.allCases)
            if goal.word?.reliesOnNegativeEmissions == true { goal.carbonStoragePlan = rng.chance(40) }
            goal.text = "\(SyntheticPlaybook.swedishWord(goal.word!)) \(target)"
            goal.textEn = "\(goal.word!.rawValue) by \(target)"
        case 1:
            goal.reductionPercent = Double(rng.int(in: 8...20) * 5)
            goal.baseYear = rng.pick([1990, 1990, 2005, 2010])
            goal.text = "−\(YAMLWriter.number(goal.reductionPercent!)) % till \(target) jämfört med \(goal.baseYear!)"
            goal.textEn = "-\(YAMLWriter.number(goal.reductionPercent!)) % by \(target) against \(goal.baseYear!)"
        case 2:
            goal.perCapitaTonnes = Double(rng.int(in: 2...50)) / 10
            goal.basis = .perCapita
            goal.text =
                "\(YAMLWriter.number(goal.perCapitaTonnes!).replacingOccurrences(of: ".", with: ",")) ton CO2e per invånare \(target)"
            goal.textEn = "\(YAMLWriter.number(goal.perCapitaTonnes!)) t CO2e per inhabitant by \(target)"
        case 3:
            goal.annualRatePercent = Double(rng.int(in: 10...200)) / 10
            goal.rateFromYear = 2020
            goal.text = "−\(YAMLWriter.number(goal.annualRatePercent!).replacingOccurrences(of: ".", with: ",")) % per år från 2020"
            goal.textEn = "-\(YAMLWriter.number(goal.annualRatePercent!)) % a year from 2020"
        default:
            goal.carbonBudgetTonnes = Double(rng.int(in: 1...400) * 50_000)
            goal.basis = .absolute
            goal.text = "En koldioxidbudget till \(target)"
            goal.textEn = "A carbon budget to \(target)"
        }
        if rng.chance(20) { goal.sector = rng.pick(SyntheticPlaybook.sectors) }
        return goal
    }

    mutating func makeCommitments() {
        for municipality in municipalities {
            for section in ContractSection.required {
                let roll = rng.below(100)
                let status: CommitmentStatus = roll < 80 ? .described : roll < 87 ? .general : roll < 95 ? .nothingDescribed : .absent
                playbook.commitments.append(
                    Commitment(
                        party: municipality, section: section, status: status,
                        summary: status == .described
                            ? "\(SyntheticPlaybook.swedishSections[section] ?? section.rawValue) i \(municipality)" : "",
                        scope3Indicator: section == .reporting ? rng.chance(30) : nil,
                        summaryEn: status == .described
                            ? "\(section.title.prefix(1).uppercased())\(section.title.dropFirst()) of \(municipality)" : nil))
            }
        }
    }

    mutating func makeRoadmaps() {
        let national = 12 * scale, regional = 10 * scale, local = 8 * scale
        for n in 0..<national {
            let sector = SyntheticPlaybook.sectors[n % SyntheticPlaybook.sectors.count]
            var signatories: [PartyID] = []
            for _ in 0..<rng.below(6) { signatories.append(rng.pick(municipalities)) }
            nationalRoadmaps.append(playbook.roadmaps.count)
            playbook.roadmaps.append(
                Roadmap(
                    id: "sector-\(sector)-\(n + 1)", owner: roadmapOwner, name: "Färdplan för \(SyntheticPlaybook.sv(sector)) \(n + 1)",
                    level: .industry, sector: sector, targetYear: 2045, word: rng.pick([.fossilFree, .climateNeutral]),
                    milestones: rng.chance(50) ? [Milestone(year: 2030, text: "Halvvägs", textEn: "Halfway")] : [],
                    signatories: Array(Set(signatories)).sorted(), source: "synthetic", nameEn: "Roadmap for \(sector) \(n + 1)"))
        }
        for n in 0..<regional {
            let parent = playbook.roadmaps[rng.pick(nationalRoadmaps)]
            regionalRoadmaps.append(playbook.roadmaps.count)
            playbook.roadmaps.append(
                Roadmap(
                    id: "regional-\(n + 1)", owner: regions[n % regions.count], name: "Regional färdplan \(n + 1)",
                    level: .regional, sector: parent.sector, targetYear: rng.pick([2035, 2040, 2045, 2050]), word: parent.word,
                    parent: parent.id, nameEn: "Regional roadmap \(n + 1)"))
        }
        for n in 0..<local {
            let parent = playbook.roadmaps[rng.pick(regionalRoadmaps)]
            playbook.roadmaps.append(
                Roadmap(
                    id: "local-\(n + 1)", owner: rng.pick(municipalities), name: "Lokal färdplan \(n + 1)",
                    level: .local, sector: parent.sector, targetYear: rng.pick([2030, 2035, 2040, 2050]), parent: parent.id,
                    nameEn: "Local roadmap \(n + 1)"))
        }
    }

    mutating func makeInvestmentAreasAndClaims() {
        for municipality in municipalities {
            for n in 0..<rng.below(3) {
                let topic = rng.pick(SyntheticPlaybook.topics)
                playbook.investmentAreas.append(
                    InvestmentArea(
                        id: "\(municipality).area-\(n + 1)", party: municipality, topic: topic,
                        title: "Investering i \(SyntheticPlaybook.sv(topic))",
                        needsLevels: rng.pick([[.national], [.national, .eu], [.regional], [.regional, .national]]),
                        titleEn: "Investment in \(topic)"))
            }
        }
        // Claims cover about two thirds of the topics, leaving the rest as gaps.
        for (i, agency) in agencies.enumerated() {
            let topic = SyntheticPlaybook.topics[i % 8]
            playbook.claims.append(ResponsibilityClaim(party: agency, topic: topic, level: .national))
        }
        for region in regions where rng.chance(30) {
            playbook.claims.append(ResponsibilityClaim(party: region, topic: rng.pick(SyntheticPlaybook.topics), level: .regional))
        }
    }

    mutating func makeBarriersAndLabs() {
        let count = 300 * scale
        let width = Self.width(count)
        for n in 1...count {
            var reporters: [PartyID] = []
            for _ in 0..<rng.int(in: 1...3) { reporters.append(rng.pick(municipalities)) }
            reporters = Array(Set(reporters)).sorted()
            var topics = [rng.pick(SyntheticPlaybook.topics)]
            if rng.chance(30) { topics.append(rng.pick(SyntheticPlaybook.topics)) }
            let roll = rng.below(100)
            let status: BarrierStatus = roll < 60 ? .reported : roll < 75 ? .acknowledged : roll < 95 ? .assigned : .resolved
            let id = "barrier-" + String(repeating: "0", count: width - String(n).count) + String(n)
            playbook.barriers.append(
                RegulatoryBarrier(
                    id: id, title: "Regel som hindrar \(SyntheticPlaybook.sv(topics[0])) (\(n))",
                    instrument: rng.chance(50) ? "SFS \(rng.int(in: 1970...2020)):\(rng.int(in: 1...999))" : nil,
                    changeLevel: rng.pick([.national, .national, .national, .eu, .regional]), reportedBy: reporters,
                    affectedTopics: Array(Set(topics)).sorted(), responsibleAgency: status >= .assigned ? rng.pick(agencies) : nil,
                    status: status, titleEn: "Rule blocking \(topics[0]) (\(n))"))
        }
        for n in 1...(10 * scale) {
            let barrier = rng.pick(playbook.barriers)
            let id = "lab-\(n)"
            openLabs.append(id)
            playbook.policyLabs.append(
                PolicyLab(
                    id: id, barrier: barrier.id,
                    parties: [barrier.reportedBy[0], barrier.responsibleAgency ?? rng.pick(agencies)]))
        }
    }

    mutating func makeTimeline(_ count: Int) {
        var at = playbook.asOf
        for i in 0..<count {
            at += Double(rng.int(in: 1...120) * 60)
            let entry: TimelineEntry
            switch rng.below(10) {
            case 0, 1:
                let barrier = rng.pick(playbook.barriers)
                let by = rng.pick(barrier.reportedBy)
                entry = TimelineEntry(at: at, from: by, event: .barrierAcknowledged(barrierID: barrier.id, by: by))
            case 2:
                let agency = rng.pick(agencies)
                entry = TimelineEntry(
                    at: at, from: agency, event: .barrierAssigned(barrierID: rng.pick(playbook.barriers).id, agency: agency))
            case 3:
                let agency = rng.pick(agencies)
                entry = TimelineEntry(at: at, from: agency, event: .barrierResolved(barrierID: rng.pick(playbook.barriers).id, by: agency))
            case 4:
                let roadmap = rng.pick(playbook.roadmaps)
                entry = TimelineEntry(
                    at: at, from: roadmap.owner,
                    event: .milestoneAdded(
                        roadmapID: roadmap.id,
                        milestone: Milestone(year: rng.int(in: 2022...2045), text: "Steg \(i + 1)", textEn: "Step \(i + 1)")))
            case 5:
                let municipality = rng.pick(municipalities)
                entry = TimelineEntry(
                    at: at, from: municipality, event: .goalAsserted(randomGoal(municipality, "\(municipality).t\(i + 1)")))
            case 6:
                let party = rng.pick(rng.chance(50) ? agencies : regions)
                let level: Level = agencies.contains(party) ? .national : .regional
                entry = TimelineEntry(
                    at: at, from: party,
                    event: .responsibilityClaimed(
                        ResponsibilityClaim(party: party, topic: rng.pick(SyntheticPlaybook.topics), level: level)))
            case 7:
                let hub = rng.pick(regions)
                entry = TimelineEntry(at: at, from: hub, event: .membershipJoined(Membership(hub: hub, member: rng.pick(municipalities))))
            case 8:
                if !openLabs.isEmpty, rng.chance(40) {
                    let lab = openLabs.remove(at: rng.below(openLabs.count))
                    entry = TimelineEntry(at: at, from: coordinator, event: .policyLabClosed(labID: lab))
                } else {
                    let barrier = rng.pick(playbook.barriers)
                    let lab = PolicyLab(id: "lab-t\(i + 1)", barrier: barrier.id, parties: [barrier.reportedBy[0], rng.pick(agencies)])
                    openLabs.append(lab.id)
                    entry = TimelineEntry(at: at, from: coordinator, event: .policyLabOpened(lab))
                }
            default:
                let municipality = rng.pick(municipalities)
                let section = rng.pick(ContractSection.required)
                entry = TimelineEntry(
                    at: at, from: municipality,
                    event: .commitmentStated(
                        Commitment(
                            party: municipality, section: section, status: .described, summary: "Reviderat \(section.rawValue) (\(i + 1))",
                            summaryEn: "Revised \(section.rawValue) (\(i + 1))")))
            }
            playbook.timeline.append(entry)
        }
    }
}
