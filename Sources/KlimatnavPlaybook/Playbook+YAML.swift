import Foundation
import KlimatnavCore
import Yams

extension Playbook {
    /// The playbook as YAML in the format ``PlaybookLoader`` reads: keys in a fixed order,
    /// values equal to their defaults left out, empty sections left out. Deterministic: the
    /// same playbook always gives the same bytes.
    public func yaml() throws -> String {
        try Yams.serialize(node: node(), indent: 2, width: -1, allowUnicode: true)
    }

    func node() -> Node {
        var top = MappingBuilder()
        top.text("playbook", id)
        top.int("version", version)
        top.bilingual("title", title, titleEn)
        top.plain("asOf", PlaybookDate.format(asOf))
        top.text("source", source)
        if illustrative { top.bool("illustrative", true) }
        top.list("parties", cited(.parties, parties.map(YAMLWriter.party)))
        top.list("memberships", cited(.memberships, memberships.map(YAMLWriter.membership)))
        top.list("goals", cited(.goals, goals.map(YAMLWriter.goal)))
        top.list("commitments", cited(.commitments, commitments.map(YAMLWriter.commitment)))
        let levels = Dictionary(parties.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        top.list("roadmaps", cited(.roadmaps, roadmaps.map { YAMLWriter.roadmap($0, ownerLevel: levels[$0.owner]) }))
        top.list("investmentAreas", cited(.investmentAreas, investmentAreas.map(YAMLWriter.investmentArea)))
        top.list("claims", cited(.claims, claims.map(YAMLWriter.claim)))
        top.list("barriers", cited(.barriers, barriers.map(YAMLWriter.barrier)))
        top.list("policyLabs", cited(.policyLabs, policyLabs.map(YAMLWriter.policyLab)))
        top.list("timeline", timeline.map(YAMLWriter.entry))
        return top.node
    }

    /// The nodes of one fact section with each fact's `quote:` / `external:` added.
    private func cited(_ section: FactRef.Section, _ nodes: [Node]) -> [Node] {
        nodes.enumerated().map { index, node in
            guard let citation = citations[FactRef(section, index)], case .mapping(var mapping) = node else { return node }
            if citation.quotes.count == 1 {
                mapping["quote"] = YAMLWriter.text(citation.quotes[0])
            } else if !citation.quotes.isEmpty {
                mapping["quote"] = Node(citation.quotes.map(YAMLWriter.text), .implicit, .block)
            }
            if citation.external { mapping["external"] = Node("true") }
            return .mapping(mapping)
        }
    }
}

/// Builds a block mapping in insertion order, skipping absent values.
struct MappingBuilder {
    private(set) var pairs: [(Node, Node)] = []

    var node: Node { Node(pairs, .implicit, .block) }
    var flowNode: Node { Node(pairs, .implicit, .flow) }

    mutating func add(_ key: String, _ value: Node?) {
        guard let value else { return }
        pairs.append((Node(key), value))
    }

    /// Text, quoted when YAML would otherwise read it as something else (`'3.1'`, `'yes'`).
    mutating func text(_ key: String, _ value: String?) { add(key, value.map(YAMLWriter.text)) }
    /// A text in Swedish with its English translation: `{sv: ..., en: ...}`, or plain text
    /// (Swedish only) when there is no translation.
    mutating func bilingual(_ key: String, _ sv: String?, _ en: String?) {
        guard let sv else { return }
        guard let en else { return text(key, sv) }
        add(key, Node([(Node("sv"), YAMLWriter.text(sv)), (Node("en"), YAMLWriter.text(en))], .implicit, .flow))
    }
    mutating func plain(_ key: String, _ value: String?) { add(key, value.map { Node($0) }) }
    mutating func int(_ key: String, _ value: Int?) { add(key, value.map { Node(String($0)) }) }
    mutating func number(_ key: String, _ value: Double?) { add(key, value.map { Node(YAMLWriter.number($0)) }) }
    mutating func bool(_ key: String, _ value: Bool?) { add(key, value.map { Node($0 ? "true" : "false") }) }
    mutating func raw<E: RawRepresentable>(_ key: String, _ value: E?) where E.RawValue == String {
        add(key, value.map { YAMLWriter.text($0.rawValue) })
    }
    /// A list; left out when empty.
    mutating func list(_ key: String, _ values: [Node], flow: Bool = false) {
        guard !values.isEmpty else { return }
        add(key, Node(values, .implicit, flow ? .flow : .block))
    }
}

/// Node builders for each domain type (the inverse of the loader's readers).
enum YAMLWriter {
    static func text(_ value: String) -> Node { .scalar(value.represented()) }

    /// `80` for whole numbers, else the shortest text that reads back as the same double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func ids(_ values: [PartyID]) -> [Node] { values.map { text($0.rawValue) } }

    static func party(_ party: Party) -> Node {
        var m = MappingBuilder()
        m.text("id", party.id.rawValue)
        m.raw("kind", party.kind)
        if LoadSession.defaultLevel(party.kind) != party.level { m.raw("level", party.level) }
        m.bilingual("name", party.name, party.nameEn)
        m.text("region", party.region)
        m.int("population", party.population)
        m.list("reportingPlatforms", party.reportingPlatforms.map(text), flow: true)
        m.text("source", party.source)
        return m.node
    }

    static func membership(_ membership: Membership) -> Node {
        var m = MappingBuilder()
        m.text("hub", membership.hub.rawValue)
        m.text("member", membership.member.rawValue)
        return m.flowNode
    }

    static func goal(_ goal: Goal) -> Node {
        var m = MappingBuilder()
        m.text("id", goal.id)
        m.text("party", goal.party.rawValue)
        if goal.orientation != .geographic { m.raw("orientation", goal.orientation) }
        if goal.area != .municipality { m.raw("area", goal.area) }
        m.text("areaName", goal.areaName)
        if let scopes = goal.scopes { m.add("scopes", Node(scopes.map { Node(String($0)) }, .implicit, .flow)) }
        m.bool("scope1EnergyOnly", goal.scope1EnergyOnly)
        m.raw("word", goal.word)
        m.number("reductionPercent", goal.reductionPercent)
        m.int("baseYear", goal.baseYear)
        m.number("perCapitaTonnes", goal.perCapitaTonnes)
        m.number("annualRatePercent", goal.annualRatePercent)
        m.int("rateFromYear", goal.rateFromYear)
        m.number("carbonBudgetTonnes", goal.carbonBudgetTonnes)
        if goal.basis != .unstated { m.raw("basis", goal.basis) }
        m.int("targetYear", goal.targetYear)
        m.text("sector", goal.sector)
        if goal.status != .adopted { m.raw("status", goal.status) }
        m.text("interimOf", goal.interimOf)
        m.bool("carbonStoragePlan", goal.carbonStoragePlan)
        if !goal.text.isEmpty || goal.textEn != nil { m.bilingual("text", goal.text, goal.textEn) }
        m.text("source", goal.source)
        return m.node
    }

    static func commitment(_ commitment: Commitment) -> Node {
        var m = MappingBuilder()
        m.text("party", commitment.party.rawValue)
        m.raw("section", commitment.section)
        if commitment.status != .described { m.raw("status", commitment.status) }
        if !commitment.summary.isEmpty || commitment.summaryEn != nil { m.bilingual("summary", commitment.summary, commitment.summaryEn) }
        m.bool("scope3Indicator", commitment.scope3Indicator)
        m.text("source", commitment.source)
        return m.node
    }

    static func milestone(_ milestone: Milestone) -> Node {
        var m = MappingBuilder()
        m.int("year", milestone.year)
        m.bilingual("text", milestone.text, milestone.textEn)
        return m.flowNode
    }

    static func roadmap(_ roadmap: Roadmap, ownerLevel: Level?) -> Node {
        var m = MappingBuilder()
        m.text("id", roadmap.id)
        m.text("owner", roadmap.owner.rawValue)
        m.bilingual("name", roadmap.name, roadmap.nameEn)
        if ownerLevel != roadmap.level { m.raw("level", roadmap.level) }
        m.text("sector", roadmap.sector)
        m.int("targetYear", roadmap.targetYear)
        m.raw("word", roadmap.word)
        m.list("milestones", roadmap.milestones.map(milestone))
        m.list("signatories", ids(roadmap.signatories), flow: true)
        m.text("parent", roadmap.parent)
        m.text("source", roadmap.source)
        return m.node
    }

    static func roadmap(_ roadmap: Roadmap) -> Node { self.roadmap(roadmap, ownerLevel: nil) }

    static func investmentArea(_ area: InvestmentArea) -> Node {
        var m = MappingBuilder()
        m.text("id", area.id)
        m.text("party", area.party.rawValue)
        m.text("topic", area.topic)
        m.bilingual("title", area.title, area.titleEn)
        m.add("needsLevels", Node(area.needsLevels.map { text($0.rawValue) }, .implicit, .flow))
        m.text("source", area.source)
        return m.node
    }

    static func claim(_ claim: ResponsibilityClaim) -> Node {
        var m = MappingBuilder()
        m.text("party", claim.party.rawValue)
        m.text("topic", claim.topic)
        m.raw("level", claim.level)
        m.text("source", claim.source)
        return m.node
    }

    static func barrier(_ barrier: RegulatoryBarrier) -> Node {
        var m = MappingBuilder()
        m.text("id", barrier.id)
        m.bilingual("title", barrier.title, barrier.titleEn)
        m.bilingual("instrument", barrier.instrument, barrier.instrumentEn)
        m.raw("changeLevel", barrier.changeLevel)
        m.add("reportedBy", Node(ids(barrier.reportedBy), .implicit, .flow))
        if let affects = barrier.affects { m.add("affects", Node(ids(affects), .implicit, .flow)) }
        m.list("affectedTopics", barrier.affectedTopics.map(text), flow: true)
        m.text("responsibleAgency", barrier.responsibleAgency?.rawValue)
        if barrier.status != .reported { m.raw("status", barrier.status) }
        m.text("source", barrier.source)
        return m.node
    }

    static func policyLab(_ lab: PolicyLab) -> Node {
        var m = MappingBuilder()
        m.text("id", lab.id)
        m.text("barrier", lab.barrier)
        m.add("parties", Node(ids(lab.parties), .implicit, .flow))
        if lab.status != .open { m.raw("status", lab.status) }
        m.text("source", lab.source)
        return m.node
    }

    static func entry(_ entry: TimelineEntry) -> Node {
        var m = MappingBuilder()
        m.plain("at", PlaybookDate.format(entry.at))
        m.text("from", entry.from.rawValue)
        m.plain("message", entry.message)
        m.add("body", body(entry.event))
        return m.node
    }

    /// The body of a message, in the same shape as `DomainEvent.encodeBody`.
    static func body(_ event: DomainEvent) -> Node {
        var m = MappingBuilder()
        switch event {
        case .partyRegistered(let party): return self.party(party)
        case .goalAsserted(let goal): return self.goal(goal)
        case .goalWithdrawn(let goalID, let party):
            m.text("goal", goalID)
            m.text("party", party.rawValue)
        case .commitmentStated(let commitment): return self.commitment(commitment)
        case .roadmapPublished(let roadmap): return self.roadmap(roadmap)
        case .milestoneAdded(let roadmapID, let milestone):
            m.text("roadmap", roadmapID)
            m.add("milestone", self.milestone(milestone))
        case .investmentAreaRaised(let area): return investmentArea(area)
        case .responsibilityClaimed(let claim), .responsibilityReleased(let claim): return self.claim(claim)
        case .barrierReported(let barrier): return self.barrier(barrier)
        case .barrierAcknowledged(let barrierID, let by), .barrierResolved(let barrierID, let by):
            m.text("barrier", barrierID)
            m.text("by", by.rawValue)
        case .barrierAssigned(let barrierID, let agency):
            m.text("barrier", barrierID)
            m.text("agency", agency.rawValue)
        case .policyLabOpened(let lab): return policyLab(lab)
        case .policyLabClosed(let labID): m.text("lab", labID)
        case .membershipJoined(let membership), .membershipLeft(let membership):
            m.text("hub", membership.hub.rawValue)
            m.text("member", membership.member.rawValue)
        case .revisionClosed(let revision):
            m.text("id", revision.id)
            m.plain("date", revision.date)
            m.bilingual("title", revision.title, revision.titleEn)
        case .inventoryReported(let inventory):
            m.text("party", inventory.party.rawValue)
            m.int("year", inventory.year)
            m.text("reportedBy", inventory.reportedBy.rawValue)
            m.list(
                "sectors",
                inventory.sectors.map { entry in
                    var s = MappingBuilder()
                    s.plain("sector", entry.sector.rawValue)
                    s.number("tonnes", entry.tonnes)
                    return s.flowNode
                }, flow: true)
            m.text("source", inventory.source)
        case .gapFollowedUp(let followUp):
            m.text("gap", followUp.gap)
            m.plain("action", followUp.action.rawValue)
            m.text("by", followUp.by.rawValue)
            m.text("assignee", followUp.assignee?.rawValue)
            m.text("role", followUp.role)
            m.text("due", followUp.due)
            m.text("text", followUp.text)
        }
        return m.flowNode
    }
}
