import Foundation
import KlimatnavCore

/// The Swedish sentence of one gap (``GapSentence``). Written to read as a civil servant would
/// write it: definite forms, "och" between the last two names, genitive without a second s
/// ("Borås mål"), levels as "nationell nivå" and "EU-nivå".
struct SwedishSentences {
    let gap: Gap
    let state: WorldState
    let c: Catalogue

    /// The parts of the gap id after its kind: `governance-gap:ccs:national` → `[ccs, national]`.
    var idParts: [String] { gap.id.split(separator: ":").dropFirst().map(String.init) }

    func name(_ id: PartyID) -> String { state.parties[id]?.name ?? id.rawValue }
    var names: String { c.list(gap.parties.map(name)) }
    var first: String { gap.parties.first.map(name) ?? "" }

    func sentence() -> String {
        switch gap.kind {
        case .governanceGap: governance()
        case .policyLabCandidate: policyLab()
        case .roadmapMisalignment: roadmap()
        case .ambitionGap: ambition()
        case .definitionGap: definition()
        case .reportingGap: reporting()
        case .regionalHubGap: regionalHub()
        case .deliveryGap: delivery()
        }
    }

    // MARK: Kinds

    func governance() -> String {
        let level = idParts.count >= 2 ? Level(rawValue: idParts[idParts.count - 1]) : nil
        let topic = gap.topic
        // The needing party's own title for the topic, not another party's.
        let area = state.investmentAreas.values.filter { $0.topic == topic }
            .sorted { ($0.party != gap.parties.first ? 1 : 0, $0.id) < ($1.party != gap.parties.first ? 1 : 0, $1.id) }.first
        let what = area.map { "”\($0.title)”" } ?? "”\(topic)”"
        guard let level else {
            return "\(names) anser att \(what) kräver insatser på en annan nivå, men ingen där har tagit på sig ansvaret."
        }
        let claimants = state.claims.filter { $0.topic == topic && $0.level == level }.map(\.party)
        let start = "\(names) anser att \(what) kräver insatser på \(SwedishWords.levelPhrase(level)),"
        switch claimants.count {
        case 0: return "\(start) men ingen part på den nivån har tagit på sig ansvaret."
        default:
            let who = c.list(Set(claimants).sorted().map(name))
            return
                "\(start) men \(claimants.count) parter på den nivån har tagit på sig ansvaret (\(who)), så det är oklart vem som leder arbetet."
        }
    }

    func policyLab() -> String {
        let barrier = state.barriers[gap.topic]
        let title = barrier.map { "”\($0.title)”" } ?? "”\(gap.topic)”"
        let level = barrier.map { SwedishWords.levelPhrase($0.changeLevel) } ?? "en högre nivå"
        return
            "Regelhindret \(title) hindrar \(names). Det kan bara ändras på \(level), och inget policylabb är öppet för att pröva en ändrad regel."
    }

    func roadmap() -> String {
        let roadmapID = idParts.first ?? gap.topic
        guard let roadmap = state.roadmaps[roadmapID], let year = roadmap.targetYear else {
            return "Färdplanen ”\(roadmapID)” siktar på ett annat år än det den hänger ihop med."
        }
        let relation = Array(idParts.dropFirst())
        if relation.first == "parent", let parent = roadmap.parent.flatMap({ state.roadmaps[$0] }), let parentYear = parent.targetYear {
            return parentYear < year
                ? "Färdplanen ”\(roadmap.name)” siktar på \(year), senare än färdplanen den bygger på, ”\(parent.name)” (\(parentYear))."
                : "Färdplanen ”\(roadmap.name)” siktar på \(year), \(parentYear - year) år före färdplanen den bygger på, ”\(parent.name)” (\(parentYear)), och förutsätter att den branschen går fortare än planerat."
        }
        if relation.first == "reference", let level = relation.dropFirst().first.flatMap(Level.init(rawValue:)) {
            return "Färdplanen ”\(roadmap.name)” siktar på \(year), senare än \(reference(level))."
        }
        if let party = relation.first.flatMap(PartyID.init), state.parties[party] != nil,
            let line = gap.evidence.first(where: { $0.hasPrefix("goal:") }),
            let goalID = line.split(separator: " ").first.map({ String($0.dropFirst(5)) }), let goal = state.goals[goalID],
            let goalYear = goal.targetYear
        {
            let owner = "\(goalOwner(name(party), goal)) ”\(goalLabel(goal))”"
            return goalYear < year
                ? "\(owner) siktar på \(goalYear), men färdplanen ”\(roadmap.name)”, som \(name(party)) har undertecknat, siktar först på \(year)."
                : "\(owner) siktar på \(goalYear), senare än färdplanen ”\(roadmap.name)” som \(name(party)) har undertecknat (\(year))."
        }
        return "Färdplanen ”\(roadmap.name)” (\(year)) siktar på ett annat år än det den hänger ihop med."
    }

    /// The higher level's end goal at `level`, in words: "Sveriges mål om nettonoll (2045)",
    /// with the year the gap's evidence names.
    func reference(_ level: Level) -> String {
        let line = gap.evidence.first { $0.contains("reference") || $0.hasPrefix("configuration:") }
        let year = line?.split(whereSeparator: { !$0.isNumber }).last.map(String.init)
        let goal = level == .eu ? "EU:s mål om klimatneutralitet" : "Sveriges mål om nettonoll"
        return goal + (year.map { " (\($0))" } ?? "")
    }

    func ambition() -> String {
        let goal = state.goals[gap.topic] ?? state.goals[idParts.first ?? ""]
        let label = goal.map { "”\(goalLabel($0))”" } ?? "”\(gap.topic)”"
        let owner = goalOwner(first, goal)
        if let line = gap.evidence.first(where: { $0.hasPrefix("target year ") }) {
            let year = goal?.targetYear.map(String.init) ?? ""
            let level: Level = line.contains("EU") || line.contains("(eu") ? .eu : .national
            return "\(owner) \(label) siktar på \(year), senare än \(reference(level))."
        }
        return "\(owner) \(label) innebär en långsammare minskning än referenstakten (koldioxidlagens 7 % per år)."
    }

    func definition() -> String {
        let goal = state.goals[gap.topic]
        let label = goal.map { "”\(goalLabel($0))”" } ?? "”\(gap.topic)”"
        let problem = idParts.last.flatMap(DefinitionGapRule.Problem.init(rawValue:))
        let owner = "\(goalOwner(first, goal)) \(label)"
        switch problem {
        case .noNumber: return "\(owner) är ett målord utan siffra och går därför inte att jämföra med andra mål."
        case .scopeUnstated: return "\(owner) säger inte vilka utsläpp (scope 1, 2 eller 3) det gäller."
        case .basisUnstated: return "\(owner) säger inte om minskningen gäller de totala utsläppen eller utsläppen per invånare."
        case .noBaseYear: return "\(owner) anger en procentuell minskning utan basår."
        case .noTargetYear: return "\(owner) saknar målår."
        case .noStoragePlan: return "\(owner) bygger på negativa utsläpp, men det finns ingen plan för hur koldioxid ska lagras."
        case .storagePlanUnclear:
            return
                "\(owner) bygger på negativa utsläpp, men det är inte klarlagt hur resterande utsläpp ska balanseras med koldioxidlagring."
        case .ambiguousWord: return "\(owner) använder ett målord som är svårt att tolka och går därför inte att jämföra med andra mål."
        case .noSharedDefinition:
            return
                "\(owner) är kontraktens gemensamma mål, men det är inte definierat vilka utsläpp det gäller eller hur negativa utsläpp räknas."
        case .targetPassed: return "\(owner) har ett målår som redan har passerats och säger därför inget om åren framöver."
        case nil: return "\(owner) går inte att jämföra med andra mål."
        }
    }

    /// The sentences of the report the gap's evidence quotes (`... in the report: "A" … "B"`).
    var reportQuotes: [String] {
        gap.evidence.flatMap { line -> [String] in
            guard let range = line.range(of: "in the report: ") else { return [] }
            return line[range.upperBound...].components(separatedBy: " … ")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }.filter { !$0.isEmpty }
        }
    }

    /// The programme's coordinator among the gap's parties: a joint gap, addressed to it.
    var coordinators: [PartyID] { gap.parties.filter { state.parties[$0]?.kind == .coordinator } }

    func reporting() -> String {
        let what = idParts.last ?? ""
        if gap.topic == "goals-unknown" {
            // A programme member whose contract goals no source here states.
            let member = gap.parties.first { !coordinators.contains($0) }.map(name) ?? first
            return
                "\(member) är med i \(c.list(coordinators.map(name))), men inget av kommunens klimatmål finns i underlaget: be kommunen om målen så att de kan följas upp."
        }
        if !coordinators.isEmpty {
            let others = gap.parties.filter { !coordinators.contains($0) }
            if gap.topic == "scope3-indicator" {
                return c.format(.gapSentenceJointScope3, c.list(others.map(name)), c.list(coordinators.map(name)))
            }
            let section =
                ContractSection(rawValue: gap.topic).map { section in
                    section.rawValue.first?.isNumber == true ? "avsnitt \(section.rawValue), \(c.section(section))" : c.section(section)
                } ?? gap.topic
            // The report's own words, where the evidence quotes it (the last quoted sentence is
            // its finding).
            if let quote = reportQuotes.last {
                return "Gemensamt för alla kontrakten (\(section)). Rapporten konstaterar: ”\(quote)”"
            }
            return c.format(.gapSentenceJointReporting, section)
        }
        if what == "scope3-indicator" {
            return "\(first) har ett mål för konsumtionens utsläpp men ingen indikator att följa upp det med."
        }
        if what == "adaptation" {
            return "\(SwedishWords.genitive(first)) kontrakt saknar innehåll om klimatanpassning."
        }
        if let section = ContractSection(rawValue: what) {
            let title = c.section(section)
            let absent = gap.evidence.contains { $0.hasSuffix(" absent") }
            return absent
                ? "\(SwedishWords.genitive(first)) kontrakt saknar avsnitt \(section.rawValue) (\(title))."
                : "\(SwedishWords.genitive(first)) kontrakt beskriver ingenting under avsnitt \(section.rawValue) (\(title))."
        }
        return "\(SwedishWords.genitive(first)) uppföljning saknar något som kontraktet kräver."
    }

    func regionalHub() -> String {
        if !coordinators.isEmpty { return c.format(.gapSentenceJointRegionalHub) }
        if idParts.last == "no-hub-section" {
            return "\(SwedishWords.genitive(first)) kontrakt saknar avsnitt 3.7 om att vara regionalt innovationsnav."
        }
        if idParts.last == "no-hub-membership" {
            return "\(first) är inte medlem i något regionalt innovationsnav."
        }
        let hub = gap.parties.first { state.parties[$0]?.kind == .regionalHub }.map(name) ?? first
        let others = gap.parties.filter { state.parties[$0]?.kind != .regionalHub }
        let members = c.list(others.map(name))
        if idParts.last == "members-without-climate-plan" {
            // A county where at least half the member municipalities have no climate plan.
            let count = c.integer(others.count)
            guard let total = evidenceNumber(after: "members of \(gap.parties.first?.rawValue ?? ""): ") else {
                return "\(count) kommuner i \(hub) saknar klimatplan: \(members)."
            }
            return "\(count) av \(SwedishWords.genitive(hub)) \(c.integer(Int(total))) kommuner saknar klimatplan: \(members)."
        }
        return members.isEmpty
            ? "\(hub) har inga medlemmar med ett klimatmål med målår."
            : "\(hub) har medlemmar utan klimatmål med målår: \(members)."
    }

    /// A number of the evidence after `prefix` ("observed -1.3 %/yr: ..." → -1.3).
    func evidenceNumber(after prefix: String) -> Double? {
        guard let line = gap.evidence.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.dropFirst(prefix.count).split(separator: " ").first.flatMap { Double($0.replacingOccurrences(of: "+", with: "")) }
    }

    /// A pace in words: "minskat med 1,3 % per år" or "ökat med 2,1 % per år".
    func pace(_ rate: Double) -> String {
        let size = c.number(abs(rate), decimals: 1)
        return rate <= 0 ? "minskat med \(size) % per år" : "ökat med \(size) % per år"
    }

    func delivery() -> String {
        if idParts.last == "sector-dependence" {
            let sector = EmissionSector(rawValue: String(gap.topic.dropFirst("sector-".count)))
            let share = gap.evidence.first?.split(separator: "=").last?.split(separator: "%").first
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            let levels = c.list((sector?.actingLevels ?? []).map(SwedishWords.levelPhrase))
            let sectorName = sector?.swedishName ?? gap.topic
            let sharePart =
                share.map { " står för \(c.number($0, decimals: 0)) % av \(SwedishWords.genitive(first)) utsläpp och" }
                ?? " dominerar \(SwedishWords.genitive(first)) utsläpp, och"
            let misaligned =
                gap.summary.contains("Roadmap misalignment") ? " Målet ligger tidigare än den branschfärdplan sektorn följer." : ""
            return
                "Sektorn ”\(sectorName)”\(sharePart) kommunens mål hänger därför på beslut på \(levels.isEmpty ? "andra nivåer" : levels).\(misaligned)"
        }
        let goal = state.goals[String(gap.id.dropFirst("delivery-gap:".count))]
        let label = goal.map { "”\(goalLabel($0))”" } ?? "”\(gap.topic)”"
        let owner = "\(goalOwner(first, goal)) \(label)"
        guard let observed = evidenceNumber(after: "observed ") else { return "\(owner) nås inte i den takt utsläppen minskar." }
        let since = "sedan 2015"
        if let required = evidenceNumber(after: "required ") {
            let reached =
                goal?.targetYear == nil
                ? ""
                : gap.summary.range(of: "reached in ").map { " I den takten nås målet först \(gap.summary[$0.upperBound...].prefix(4))." }
                    ?? " I den takten nås målet aldrig."
            return
                "\(owner) kräver att utsläppen minskar med \(c.number(abs(required), decimals: 1)) % per år, men de har \(pace(observed)) \(since).\(reached)"
        }
        return "\(owner) har passerat sitt målår utan att nå målet; utsläppen har \(pace(observed)) \(since)."
    }

    // MARK: Words

    /// "Lunds mål", or "Lunds föreslagna mål" for a goal the report gives as a proposal.
    func goalOwner(_ party: String, _ goal: Goal?) -> String {
        "\(SwedishWords.genitive(party)) \(goal?.status == .proposed ? "föreslagna " : "")mål"
    }

    func goalLabel(_ goal: Goal) -> String {
        let label = GoalTable.label(goal, c)
        // "fossilfritt till 2050", but "på god väg till en hållbar nivå år 2030" (no second "till").
        return label + (goal.targetYear.map { label.contains(" till ") ? " år \($0)" : " till \($0)" } ?? "")
    }

}
