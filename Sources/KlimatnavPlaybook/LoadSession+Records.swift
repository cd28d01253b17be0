import Foundation
import KlimatnavCore
import Yams

/// Readers for each fact type. Each returns `nil` (after reporting) when anything is wrong.
extension LoadSession {
    static let partyKeys = ["id", "kind", "level", "name", "region", "population", "reportingPlatforms", "source"]
    static let goalKeys = [
        "id", "party", "orientation", "area", "areaName", "scopes", "scope1EnergyOnly", "word", "reductionPercent",
        "baseYear", "perCapitaTonnes", "annualRatePercent", "rateFromYear", "carbonBudgetTonnes", "basis", "targetYear",
        "sector", "status", "interimOf", "carbonStoragePlan", "text", "source",
    ]
    static let commitmentKeys = ["party", "section", "status", "summary", "scope3Indicator", "source"]
    static let roadmapKeys = [
        "id", "owner", "name", "level", "sector", "targetYear", "word", "milestones", "signatories", "parent", "source",
    ]
    static let milestoneKeys = ["year", "text"]
    static let investmentAreaKeys = ["id", "party", "topic", "title", "needsLevels", "source"]
    static let claimKeys = ["party", "topic", "level", "source"]
    static let barrierKeys = [
        "id", "title", "instrument", "changeLevel", "reportedBy", "affects", "affectedTopics", "responsibleAgency", "status", "source",
    ]
    static let policyLabKeys = ["id", "barrier", "parties", "status", "source"]
    static let membershipKeys = ["hub", "member"]

    /// The level a party of `kind` acts at when `level` is not given (`nil`: must be given).
    static func defaultLevel(_ kind: PartyKind) -> Level? {
        switch kind {
        case .municipality: .local
        case .agency, .coordinator: .national
        case .regionalHub: .regional
        case .roadmapOwner: .industry
        case .reference: nil
        }
    }

    /// Runs `body` and returns its value only when it reported nothing.
    func clean<T>(_ body: () -> T?) -> T? {
        let before = reader.errorCount
        let value = body()
        return reader.errorCount == before ? value : nil
    }

    func readParty(_ node: Node) -> Party? {
        clean {
            guard let r = YAMLRecord(node, "party", keys: Self.partyKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.partyID($0, "id") }
            let kind = r.required("kind").flatMap { reader.enumeration($0, "kind", PartyKind.self) }
            let levelNode = r.optional("level")
            var level = levelNode.flatMap { reader.enumeration($0, "level", Level.self) }
            if levelNode == nil, let kind {
                level = Self.defaultLevel(kind)
                if level == nil {
                    reader.error(
                        .missingKey, at: r.mark,
                        "expected key 'level' (required for a party of kind '\(kind.rawValue)': a reference level says which level it stands for, national or eu)"
                    )
                }
            }
            let name = r.required("name").flatMap { reader.bilingual($0, "name") }
            let region = r.optional("region").flatMap { reader.text($0, "region") }
            let population = r.optional("population").flatMap { node -> Int? in
                guard let value = reader.integer(node, "population") else { return nil }
                guard value >= 0 else {
                    reader.error(.invalidValue, at: node.mark, "expected a population of 0 or more, found \(value)")
                    return nil
                }
                return value
            }
            let platforms = r.optional("reportingPlatforms").flatMap {
                reader.sequence($0, "reportingPlatforms") { reader.identifier($0, "reportingPlatforms") }
            }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let id, let kind, let level, let name else { return nil }
            return Party(
                id: id, kind: kind, level: level, name: name.sv, region: region, population: population,
                reportingPlatforms: platforms ?? [], source: source, nameEn: name.en)
        }
    }

    /// Adds `party` to the known parties (the first definition of an id wins).
    func register(_ party: Party) -> Party {
        if parties[party.id] == nil {
            parties[party.id] = party
            partyOrder.append(party.id)
        }
        return party
    }

    func readMembership(_ node: Node) -> Membership? {
        clean {
            guard let r = YAMLRecord(node, "membership", keys: Self.membershipKeys, reader: reader) else { return nil }
            let hub = r.required("hub").flatMap { partyRef($0, "hub") }
            let member = r.required("member").flatMap { partyRef($0, "member") }
            guard let hub, let member else { return nil }
            if hub == member {
                reader.error(.invalidValue, at: r.mark, "expected a member other than the hub, found '\(hub)' as both")
                return nil
            }
            return Membership(hub: hub, member: member)
        }
    }

    func readGoal(_ node: Node) -> Goal? {
        clean {
            guard let r = YAMLRecord(node, "goal", keys: Self.goalKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.identifier($0, "id") }
            let party = r.required("party").flatMap { partyRef($0, "party") }
            let orientation = r.optional("orientation").flatMap { reader.enumeration($0, "orientation", GoalOrientation.self) }
            let area = r.optional("area").flatMap { reader.enumeration($0, "area", GoalArea.self) }
            let areaName = r.optional("areaName").flatMap { reader.text($0, "areaName") }
            let scopes = r.optional("scopes").flatMap { node -> [Int]? in
                guard
                    let values = reader.sequence(
                        node, "scopes",
                        { item -> Int? in
                            guard let scope = reader.integer(item, "scopes") else { return nil }
                            guard (1...3).contains(scope) else {
                                reader.error(.invalidValue, at: item.mark, "expected scope 1, 2 or 3 in 'scopes', found \(scope)")
                                return nil
                            }
                            return scope
                        })
                else { return nil }
                guard Set(values).count == values.count else {
                    reader.error(
                        .invalidValue, at: node.mark,
                        "expected each scope once in 'scopes', found \(values.map(String.init).joined(separator: ", "))")
                    return nil
                }
                return values
            }
            let scope1EnergyOnly = r.optional("scope1EnergyOnly").flatMap { reader.boolean($0, "scope1EnergyOnly") }
            let word = r.optional("word").flatMap { reader.enumeration($0, "word", GoalWord.self) }
            let reduction = r.optional("reductionPercent").flatMap {
                reader.number($0, "reductionPercent", in: 0...200, "a percentage in 0-200 (80 means -80 %)")
            }
            let baseYear = r.optional("baseYear").flatMap { reader.year($0, "baseYear") }
            let perCapita = r.optional("perCapitaTonnes").flatMap {
                reader.number($0, "perCapitaTonnes", in: 0...1000, "tonnes per inhabitant in 0-1000")
            }
            let rate = r.optional("annualRatePercent").flatMap {
                reader.number($0, "annualRatePercent", in: 0.001...100, "a yearly percentage above 0 and at most 100")
            }
            let rateFrom = r.optional("rateFromYear").flatMap { reader.year($0, "rateFromYear") }
            let budget = r.optional("carbonBudgetTonnes").flatMap {
                reader.number($0, "carbonBudgetTonnes", in: 0...1e15, "tonnes of 0 or more")
            }
            let basis = r.optional("basis").flatMap { reader.enumeration($0, "basis", GoalBasis.self) }
            let targetYear = r.optional("targetYear").flatMap { reader.year($0, "targetYear") }
            let sector = r.optional("sector").flatMap { reader.text($0, "sector") }
            let status = r.optional("status").flatMap { reader.enumeration($0, "status", GoalStatus.self) }
            let interimOf = r.optional("interimOf").flatMap {
                reference($0, "interimOf", "goal", known: knownGoalIDs, where: "under 'goals' or earlier in the timeline")
            }
            let storage = r.optional("carbonStoragePlan").flatMap { reader.boolean($0, "carbonStoragePlan") }
            let text = r.optional("text").flatMap { reader.bilingual($0, "text") }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            if let baseYear, let targetYear, baseYear >= targetYear, let node = r.optional("baseYear") {
                reader.error(
                    .impossibleYear, at: node.mark, "expected a 'baseYear' before the target year \(targetYear), found \(baseYear)")
            }
            if let rateFrom, let targetYear, rateFrom >= targetYear, let node = r.optional("rateFromYear") {
                reader.error(
                    .impossibleYear, at: node.mark, "expected a 'rateFromYear' before the target year \(targetYear), found \(rateFrom)")
            }
            if word == nil, reduction == nil, perCapita == nil, rate == nil, budget == nil,
                !["word", "reductionPercent", "perCapitaTonnes", "annualRatePercent", "carbonBudgetTonnes"].contains(where: r.has)
            {
                reader.error(
                    .missingKey, at: r.mark,
                    "expected a goal word ('word') or a number ('reductionPercent', 'perCapitaTonnes', 'annualRatePercent' or 'carbonBudgetTonnes') in goal, found neither"
                )
            }
            if let id, interimOf == id, let node = r.optional("interimOf") {
                reader.error(.invalidValue, at: node.mark, "expected 'interimOf' to name another goal, found the goal itself ('\(id)')")
            }
            guard let id, let party else { return nil }
            return Goal(
                id: id, party: party, orientation: orientation ?? .geographic, area: area ?? .municipality,
                areaName: areaName, scopes: scopes, scope1EnergyOnly: scope1EnergyOnly, word: word,
                reductionPercent: reduction, baseYear: baseYear, perCapitaTonnes: perCapita, annualRatePercent: rate,
                rateFromYear: rateFrom, carbonBudgetTonnes: budget, basis: basis ?? .unstated, targetYear: targetYear,
                sector: sector, status: status ?? .adopted, interimOf: interimOf, carbonStoragePlan: storage,
                text: text?.sv ?? "", source: source, textEn: text?.en)
        }
    }

    func readCommitment(_ node: Node) -> Commitment? {
        clean {
            guard let r = YAMLRecord(node, "commitment", keys: Self.commitmentKeys, reader: reader) else { return nil }
            let party = r.required("party").flatMap { partyRef($0, "party") }
            let section = r.required("section").flatMap { reader.enumeration($0, "section", ContractSection.self) }
            let status = r.optional("status").flatMap { reader.enumeration($0, "status", CommitmentStatus.self) }
            let summary = r.optional("summary").flatMap { reader.bilingual($0, "summary") }
            let scope3 = r.optional("scope3Indicator").flatMap { reader.boolean($0, "scope3Indicator") }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let party, let section else { return nil }
            return Commitment(
                party: party, section: section, status: status ?? .described, summary: summary?.sv ?? "",
                scope3Indicator: scope3, source: source, summaryEn: summary?.en)
        }
    }

    func readMilestone(_ node: Node) -> Milestone? {
        clean {
            guard let r = YAMLRecord(node, "milestone", keys: Self.milestoneKeys, reader: reader) else { return nil }
            let year = r.required("year").flatMap { reader.year($0, "year") }
            let text = r.required("text").flatMap { reader.bilingual($0, "text") }
            guard let year, let text else { return nil }
            return Milestone(year: year, text: text.sv, textEn: text.en)
        }
    }

    func readRoadmap(_ node: Node) -> Roadmap? {
        clean {
            guard let r = YAMLRecord(node, "roadmap", keys: Self.roadmapKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.identifier($0, "id") }
            let owner = r.required("owner").flatMap { partyRef($0, "owner") }
            let name = r.required("name").flatMap { reader.bilingual($0, "name") }
            let level = r.optional("level").flatMap { reader.enumeration($0, "level", Level.self) }
            let sector = r.optional("sector").flatMap { reader.text($0, "sector") }
            let targetYear = r.optional("targetYear").flatMap { reader.year($0, "targetYear") }
            let word = r.optional("word").flatMap { reader.enumeration($0, "word", GoalWord.self) }
            let milestones = r.optional("milestones").flatMap { reader.sequence($0, "milestones", readMilestone) }
            let signatories = r.optional("signatories").flatMap { partyRefs($0, "signatories") }
            let parent = r.optional("parent").flatMap {
                reference($0, "parent", "roadmap", known: knownRoadmapIDs, where: "under 'roadmaps' or earlier in the timeline")
            }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            if let id, parent == id, let node = r.optional("parent") {
                reader.error(.invalidValue, at: node.mark, "expected 'parent' to name another roadmap, found the roadmap itself ('\(id)')")
            }
            guard let id, let owner, let name, let ownerParty = parties[owner] else { return nil }
            return Roadmap(
                id: id, owner: owner, name: name.sv, level: level ?? ownerParty.level, sector: sector,
                targetYear: targetYear, word: word, milestones: milestones ?? [], signatories: signatories ?? [],
                parent: parent, source: source, nameEn: name.en)
        }
    }

    func readInvestmentArea(_ node: Node) -> InvestmentArea? {
        clean {
            guard let r = YAMLRecord(node, "investment area", keys: Self.investmentAreaKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.identifier($0, "id") }
            let party = r.required("party").flatMap { partyRef($0, "party") }
            let topic = r.required("topic").flatMap { reader.identifier($0, "topic") }
            let title = r.required("title").flatMap { reader.bilingual($0, "title") }
            let levels = r.required("needsLevels").flatMap {
                reader.sequence($0, "needsLevels") { reader.enumeration($0, "needsLevels", Level.self) }
            }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let id, let party, let topic, let title, let levels else { return nil }
            return InvestmentArea(
                id: id, party: party, topic: topic, title: title.sv, needsLevels: levels, source: source, titleEn: title.en)
        }
    }

    func readClaim(_ node: Node) -> ResponsibilityClaim? {
        clean {
            guard let r = YAMLRecord(node, "claim", keys: Self.claimKeys, reader: reader) else { return nil }
            let party = r.required("party").flatMap { partyRef($0, "party") }
            let topic = r.required("topic").flatMap { reader.identifier($0, "topic") }
            let level = r.optional("level").flatMap { reader.enumeration($0, "level", Level.self) }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let party, let topic, let partyLevel = parties[party]?.level else { return nil }
            return ResponsibilityClaim(party: party, topic: topic, level: level ?? partyLevel, source: source)
        }
    }

    func readBarrier(_ node: Node) -> RegulatoryBarrier? {
        clean {
            guard let r = YAMLRecord(node, "barrier", keys: Self.barrierKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.identifier($0, "id") }
            let title = r.required("title").flatMap { reader.bilingual($0, "title") }
            let instrument = r.optional("instrument").flatMap { reader.bilingual($0, "instrument") }
            let changeLevel = r.required("changeLevel").flatMap { reader.enumeration($0, "changeLevel", Level.self) }
            let reportedBy = r.required("reportedBy").flatMap { partyRefs($0, "reportedBy", nonEmpty: true) }
            let affects = r.optional("affects").flatMap { partyRefs($0, "affects", nonEmpty: true) }
            let topics = r.optional("affectedTopics").flatMap {
                reader.sequence($0, "affectedTopics") { reader.identifier($0, "affectedTopics") }
            }
            let agency = r.optional("responsibleAgency").flatMap { partyRef($0, "responsibleAgency") }
            let status = r.optional("status").flatMap { reader.enumeration($0, "status", BarrierStatus.self) }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            if let reportedBy, Set(reportedBy).count != reportedBy.count, let node = r.optional("reportedBy") {
                reader.error(
                    .invalidValue, at: node.mark,
                    "expected each party once in 'reportedBy', found \(reportedBy.map(\.rawValue).joined(separator: ", "))")
            }
            guard let id, let title, let changeLevel, let reportedBy else { return nil }
            return RegulatoryBarrier(
                id: id, title: title.sv, instrument: instrument?.sv, changeLevel: changeLevel,
                reportedBy: reportedBy, affects: affects, affectedTopics: topics ?? [], responsibleAgency: agency,
                status: status ?? .reported, source: source, titleEn: title.en, instrumentEn: instrument?.en)
        }
    }

    func readPolicyLab(_ node: Node) -> PolicyLab? {
        clean {
            guard let r = YAMLRecord(node, "policy lab", keys: Self.policyLabKeys, reader: reader) else { return nil }
            let id = r.required("id").flatMap { reader.identifier($0, "id") }
            let barrier = r.required("barrier").flatMap {
                reference($0, "barrier", "barrier", known: barrierIDs, where: "under 'barriers' or earlier in the timeline")
            }
            let members = r.required("parties").flatMap { partyRefs($0, "parties", nonEmpty: true) }
            let status = r.optional("status").flatMap { reader.enumeration($0, "status", PolicyLabStatus.self) }
            let source = r.optional("source").flatMap { reader.text($0, "source") }
            guard let id, let barrier, let members else { return nil }
            return PolicyLab(id: id, barrier: barrier, parties: members, status: status ?? .open, source: source)
        }
    }
}
