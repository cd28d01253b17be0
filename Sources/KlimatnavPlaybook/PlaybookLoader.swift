import Foundation
import KlimatnavCore
import Yams

/// Loads and validates playbooks. Every problem is reported, not just the first, as a
/// ``PlaybookError`` whose diagnostics read like compiler errors. Never traps on any input.
public enum PlaybookLoader {
    /// Parses and validates `yaml`; `file` names it in diagnostics.
    public static func load(yaml: String, file: String = "playbook.yaml") throws(PlaybookError) -> Playbook {
        let session = LoadSession(file: file)
        let playbook = session.load(yaml)
        if let playbook, session.reader.diagnostics.isEmpty { return playbook }
        throw PlaybookError(session.reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// Reads the file at `url` and loads it (diagnostics name the file by its path).
    public static func load(contentsOf url: URL) throws(PlaybookError) -> Playbook {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PlaybookError([
                .init(
                    code: .syntax, file: url.path, line: 1, column: 1,
                    message: "expected a readable UTF-8 file, found \(error.localizedDescription)")
            ])
        }
        return try load(yaml: text, file: url.path)
    }

    /// The diagnostics for `yaml` (empty when it is a valid playbook).
    public static func diagnose(yaml: String, file: String = "playbook.yaml") -> [PlaybookError.Diagnostic] {
        do {
            _ = try load(yaml: yaml, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The top-level keys, in the order `yaml()` writes them.
    public static let topLevelKeys = [
        "playbook", "version", "title", "asOf", "source", "illustrative", "parties", "memberships",
        "goals", "commitments", "roadmaps", "investmentAreas", "claims", "barriers", "policyLabs", "timeline",
    ]
}

/// One load: the reader with its diagnostics, what is known so far, and where each value was.
final class LoadSession {
    let reader: YAMLReader
    /// Parties known so far (roster, then parties registered by the timeline).
    var parties: [PartyID: Party] = [:]
    var partyOrder: [PartyID] = []
    /// Ids known so far, with their owners where it matters.
    var goalOwners: [String: PartyID] = [:]
    var roadmapOwners: [String: PartyID] = [:]
    var barrierIDs: Set<String> = []
    var labIDs: Set<String> = []
    /// Where each fact and timeline entry starts, for errors found late (the state check).
    var marks: [ScheduleOrigin: Mark] = [:]
    /// The `quote:` / `external:` of each fact read so far.
    var citations: [FactRef: FactCitation] = [:]

    init(file: String) {
        reader = YAMLReader(file: file)
    }

    // MARK: The document

    func load(_ yaml: String) -> Playbook? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                reader.error(
                    .syntax, at: nil,
                    "expected a playbook (a mapping with 'playbook', 'title', 'asOf', 'parties', ...), found an empty file")
                return nil
            }
            root = node
        } catch let error as YamlError {
            reportYAML(error)
            return nil
        } catch {
            reader.error(.syntax, at: nil, "expected well-formed YAML, found \(error)")
            return nil
        }
        guard let top = YAMLRecord(root, "playbook", keys: PlaybookLoader.topLevelKeys, reader: reader) else { return nil }

        let id = top.required("playbook").flatMap { node -> String? in
            guard let text = reader.text(node, "playbook") else { return nil }
            guard PartyID.isValid(text) else {
                reader.error(
                    .invalidValue, at: node.mark,
                    "expected a playbook id (lowercase ASCII letters, digits and '-', starting with a letter) for 'playbook', found \(YAMLReader.describe(node))"
                )
                return nil
            }
            return text
        }
        let version = top.required("version").flatMap { node -> Int? in
            guard let value = reader.integer(node, "version") else { return nil }
            guard value == Playbook.formatVersion else {
                reader.error(.invalidValue, at: node.mark, "expected version \(Playbook.formatVersion), found \(value)")
                return nil
            }
            return value
        }
        let title = top.required("title").flatMap { reader.bilingual($0, "title") }
        let asOf = top.required("asOf").flatMap { reader.date($0, "asOf") }
        let source = top.optional("source").flatMap { reader.text($0, "source") }
        let illustrative = top.optional("illustrative").flatMap { reader.boolean($0, "illustrative") } ?? false

        var playbook = Playbook(
            id: id ?? "", version: version ?? 1, title: title?.sv ?? "", titleEn: title?.en, asOf: asOf ?? Date(timeIntervalSince1970: 0),
            source: source, illustrative: illustrative)

        if let node = top.required("parties") {
            playbook.parties = readSection(node, "parties", ScheduleOrigin.party, unique: "party") { node in
                if let party = self.readParty(node) { return self.register(party) }
                self.registerPlaceholder(node)
                return nil
            }
        }
        if let node = top.optional("memberships") {
            playbook.memberships = readSection(node, "memberships", ScheduleOrigin.membership, readMembership)
        }
        if let node = top.optional("goals") {
            peekedGoalIDs = Set(peekIDs(node).keys)
            knownGoalIDs = peekedGoalIDs
            playbook.goals = readSection(node, "goals", ScheduleOrigin.goal, unique: "goal") { self.readGoal($0) }
            checkCycles(playbook.goals.map { ($0.id, $0.interimOf) }, ScheduleOrigin.goal, "interimOf", "goal")
        }
        for goal in playbook.goals { goalOwners[goal.id] = goal.party }
        knownGoalIDs = Set(goalOwners.keys).union(peekedGoalIDs)
        if let node = top.optional("commitments") {
            playbook.commitments = readSection(node, "commitments", ScheduleOrigin.commitment, readCommitment)
            checkDuplicateCommitments(playbook.commitments)
        }
        if let node = top.optional("roadmaps") {
            peekedRoadmapIDs = Set(peekIDs(node).keys)
            knownRoadmapIDs = peekedRoadmapIDs
            playbook.roadmaps = readSection(node, "roadmaps", ScheduleOrigin.roadmap, unique: "roadmap") { self.readRoadmap($0) }
            checkCycles(playbook.roadmaps.map { ($0.id, $0.parent) }, ScheduleOrigin.roadmap, "parent", "roadmap")
        }
        for roadmap in playbook.roadmaps { roadmapOwners[roadmap.id] = roadmap.owner }
        knownRoadmapIDs = Set(roadmapOwners.keys).union(peekedRoadmapIDs)
        if let node = top.optional("investmentAreas") {
            playbook.investmentAreas = readSection(
                node, "investmentAreas", ScheduleOrigin.investmentArea, unique: "investment area", readInvestmentArea)
        }
        if let node = top.optional("claims") {
            playbook.claims = readSection(node, "claims", ScheduleOrigin.claim, readClaim)
        }
        if let node = top.optional("barriers") {
            barrierIDs = Set(peekIDs(node).keys)
            playbook.barriers = readSection(node, "barriers", ScheduleOrigin.barrier, unique: "barrier", readBarrier)
        }
        barrierIDs.formUnion(playbook.barriers.map(\.id))
        if let node = top.optional("policyLabs") {
            playbook.policyLabs = readSection(node, "policyLabs", ScheduleOrigin.policyLab, unique: "policy lab", readPolicyLab)
            if !playbook.policyLabs.isEmpty, playbook.coordinator == nil {
                reader.error(
                    .missingKey, at: node.mark,
                    "expected a party of kind 'coordinator' under 'parties' to open the policy labs, found none")
            }
        }
        labIDs = Set(playbook.policyLabs.map(\.id))
        if let node = top.optional("timeline") {
            playbook.timeline = readTimeline(node, asOf: asOf)
        }

        playbook.citations = citations
        guard reader.errorCount == 0 else { return nil }
        checkAgainstState(playbook)
        return reader.errorCount == 0 ? playbook : nil
    }

    /// Makes the id of a party with errors known anyway, so references to it do not add
    /// "unknown party" errors on top of the real one.
    private func registerPlaceholder(_ node: Node) {
        guard case .mapping(let mapping) = node, case .scalar(let scalar)? = mapping["id"], let id = PartyID(scalar.string)
        else { return }
        _ = register(Party(id: id, kind: .municipality, level: .local, name: id.rawValue))
    }

    private func reportYAML(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let found = problem.hasPrefix("found ") ? String(problem.dropFirst(6)) : problem
            if let context {
                // Point where the problem starts ("while scanning a quoted scalar": the opening
                // quote), not where the parser noticed it (often the next line or the file's end).
                reader.error(
                    .syntax, at: context.mark,
                    "expected well-formed YAML, found \(found) at line \(mark.line), column \(mark.column) (\(context.text) that starts here)"
                )
            } else {
                reader.error(.syntax, at: mark, "expected well-formed YAML, found \(found)")
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            reader.error(
                .syntax, at: context.mark,
                "expected each key once in a mapping, found \(YAMLReader.list(duplicates.map { "'\($0)'" })) more than once")
        case .reader(let problem, _, _, _):
            reader.error(.syntax, at: nil, "expected readable text, found \(problem)")
        default:
            reader.error(.syntax, at: nil, "expected well-formed YAML, found \(error)")
        }
    }

    // MARK: Sections

    /// Ids of the items of a section, before reading them (so references may point forward).
    private func peekIDs(_ node: Node) -> [String: Mark?] {
        guard case .sequence(let items) = node else { return [:] }
        var ids: [String: Mark?] = [:]
        for item in items {
            if case .mapping(let mapping) = item, case .scalar(let scalar)? = mapping["id"] { ids[scalar.string] = item.mark }
        }
        return ids
    }

    private func readSection<T>(
        _ node: Node, _ key: String, _ origin: (Int) -> ScheduleOrigin, unique what: String? = nil,
        _ item: (Node) -> T?
    ) -> [T] where T: Identifiable, T.ID: CustomStringConvertible {
        guard let nodes = reader.sequence(node, key) else { return [] }
        var out: [T] = []
        var seen: [String: Mark?] = [:]
        for original in nodes {
            let (element, citation) = splitCitation(original)
            guard let value = item(element) else { continue }
            let id = value.id.description
            if let what {
                if let first = seen[id] {
                    reader.error(
                        .duplicateID, at: element.mark,
                        "expected a new \(what) id, found '\(id)', already defined at \(first.map { "\($0.line):\($0.column)" } ?? "?")")
                    continue
                }
                seen[id] = element.mark
            }
            if let mark = element.mark { marks[origin(out.count)] = mark }
            if let citation, let fact = origin(out.count).fact { citations[fact] = citation }
            out.append(value)
        }
        return out
    }

    private func readSection<T>(_ node: Node, _ key: String, _ origin: (Int) -> ScheduleOrigin, _ item: (Node) -> T?) -> [T] {
        guard let nodes = reader.sequence(node, key) else { return [] }
        var out: [T] = []
        for original in nodes {
            let (element, citation) = splitCitation(original)
            guard let value = item(element) else { continue }
            if let mark = element.mark { marks[origin(out.count)] = mark }
            if let citation, let fact = origin(out.count).fact { citations[fact] = citation }
            out.append(value)
        }
        return out
    }

    private func checkCycles(_ items: [(id: String, parent: String?)], _ origin: (Int) -> ScheduleOrigin, _ key: String, _ what: String) {
        for i in Playbook.parentsFirst(items).cycles {
            var chain = [items[i].id]
            var current = items[i].parent
            while let id = current, chain.count <= items.count, let next = items.firstIndex(where: { $0.id == id }) {
                chain.append(id)
                if next == i { break }
                current = items[next].parent
            }
            reader.error(
                .invalidValue, at: marks[origin(i)],
                "expected '\(key)' to lead up to a \(what) without a '\(key)', found a cycle \(chain.joined(separator: " -> "))")
        }
    }

    private func checkDuplicateCommitments(_ commitments: [Commitment]) {
        var seen: [CommitmentKey: Int] = [:]
        for (i, commitment) in commitments.enumerated() {
            if let first = seen[commitment.key] {
                let at = marks[.commitment(first)].map { "\($0.line):\($0.column)" } ?? "?"
                reader.error(
                    .duplicateID, at: marks[.commitment(i)],
                    "expected one commitment per party and section, found a second for '\(commitment.party)' section \(commitment.section.rawValue) (first at \(at))"
                )
            } else {
                seen[commitment.key] = i
            }
        }
    }

    // MARK: References

    /// Ids usable as references at this point. In the facts: every id in the section (even of
    /// an item with errors, so one mistake is reported once); in the timeline: ids defined so far.
    var knownGoalIDs: Set<String> = []
    var knownRoadmapIDs: Set<String> = []
    var peekedGoalIDs: Set<String> = []
    var peekedRoadmapIDs: Set<String> = []

    /// A party id that must be in the roster (or registered earlier in the timeline).
    func partyRef(_ node: Node, _ key: String) -> PartyID? {
        guard let id = reader.partyID(node, key) else { return nil }
        guard parties[id] != nil else {
            reader.error(
                .unknownParty, at: node.mark,
                "expected a party listed under 'parties' for '\(key)', found '\(id)'"
                    + YAMLReader.hint(id.rawValue, partyOrder.map(\.rawValue)))
            return nil
        }
        return id
    }

    func partyRefs(_ node: Node, _ key: String, nonEmpty: Bool = false) -> [PartyID]? {
        guard let ids = reader.sequence(node, key, { self.partyRef($0, key) }) else { return nil }
        if nonEmpty && ids.isEmpty {
            reader.error(.invalidValue, at: node.mark, "expected at least one party for '\(key)', found an empty list")
            return nil
        }
        return ids
    }

    /// An id that must be one of `known`; `what` names the kind ("goal").
    func reference(_ node: Node, _ key: String, _ what: String, known: Set<String>, where place: String) -> String? {
        guard let id = reader.identifier(node, key) else { return nil }
        guard known.contains(id) else {
            reader.error(
                .unknownReference, at: node.mark,
                "expected a \(what) defined \(place) for '\(key)', found '\(id)'" + YAMLReader.hint(id, known.sorted()))
            return nil
        }
        return id
    }
}
