import Foundation
import KlimatnavCore
import Yams

extension PlaybookLoader {
    /// The sections a party's own file may have: those of a playbook that a party states itself.
    public static let partyFileKeys = ["goals", "commitments", "roadmaps", "investmentAreas", "claims", "barriers"]

    /// Reads a party's own file (its section of a playbook: `goals`, `commitments`, `roadmaps`,
    /// `investmentAreas`, `claims`, `barriers`, records as in a playbook) with the loader's
    /// readers and errors, against what `state` knows; every record must be one `party` may
    /// send. Returns the messages the file states, in file order, and the sections it has.
    public static func partyFile(
        yaml: String, file: String, party: PartyID, in state: WorldState
    ) throws(PlaybookError) -> (events: [DomainEvent], sections: Set<String>) {
        let session = LoadSession(file: file)
        session.learn(state)
        let reader = session.reader
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            reader.error(.syntax, at: nil, "expected well-formed YAML, found \(error)")
            throw PlaybookError(reader.diagnostics)
        }
        guard let root, let top = YAMLRecord(root, "party file", keys: partyFileKeys, reader: reader) else {
            if root == nil {
                reader.error(.syntax, at: nil, "expected a party file (a mapping with 'goals', 'commitments', ...), found an empty file")
            }
            throw PlaybookError(reader.diagnostics)
        }
        var events: [DomainEvent] = []
        var sections = Set<String>()
        let fromNode = Node.scalar(.init(party.rawValue, .implicit, .plain))
        for key in partyFileKeys {
            guard let node = top.optional(key), let items = reader.sequence(node, key) else { continue }
            sections.insert(key)
            let name = [
                "goals": "goal", "commitments": "commitment", "roadmaps": "roadmap", "investmentAreas": "investment-area",
                "claims": "responsibility.claim", "barriers": "barrier.report",
            ][key]!
            if key == "goals" { session.knownGoalIDs.formUnion(items.compactMap(Self.id)) }
            if key == "roadmaps" { session.knownRoadmapIDs.formUnion(items.compactMap(Self.id)) }
            for item in items {
                let (element, _) = session.splitCitation(item)
                guard let event = session.readBody(name, element) else { continue }
                session.checkSender(event, party, fromNode, element)
                events.append(event)
            }
        }
        if reader.errorCount == 0 {
            var copy = state
            for event in events {
                do throws(StateError) {
                    try copy.apply(event)
                } catch {
                    reader.error(
                        .rejected, at: nil, "expected a '\(event.name)' message the hub accepts, found one it rejects: \(error.message)")
                }
            }
        }
        guard reader.errorCount == 0 else {
            throw PlaybookError(reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return (events, sections)
    }

    private static func id(_ node: Node) -> String? {
        if case .mapping(let mapping) = node, case .scalar(let scalar)? = mapping["id"] { return scalar.string }
        return nil
    }
}
