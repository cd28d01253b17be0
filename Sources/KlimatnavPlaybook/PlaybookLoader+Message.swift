import Foundation
import KlimatnavCore
import Yams

/// A value in a one-off message body (``PlaybookLoader/message(_:body:from:in:source:)``):
/// text, or a list of texts, as a playbook would write them.
public enum BodyValue: Sendable, Hashable, Codable {
    case text(String)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        }
    }

    var node: Node {
        switch self {
        case .text(let text): .scalar(.init(text, .implicit, .plain))
        case .list(let items): .sequence(.init(items.map { .scalar(.init($0, .implicit, .plain)) }))
        }
    }
}

extension PlaybookLoader {
    /// Reads one message as a playbook's timeline entry would (`from`, `message`, `body`),
    /// with the same checks and the same errors, against what `state` knows (a node's replica
    /// of the hub's state: its parties, goals, roadmaps, barriers and labs). Also reports a
    /// message the hub would refuse on the state. `source` names the origin in diagnostics.
    public static func message(
        _ name: String, body: [(String, BodyValue)], from: PartyID, in state: WorldState, source: String = "say"
    ) throws(PlaybookError) -> DomainEvent {
        let session = LoadSession(file: source)
        session.learn(state)
        let reader = session.reader
        let fromNode = Node.scalar(.init(from.rawValue, .implicit, .plain))
        let bodyNode = Node.mapping(.init(body.map { (Node.scalar(.init($0.0, .implicit, .plain)), $0.1.node) }))
        guard DomainEvent.names.contains(name) else {
            reader.error(
                .unknownMessage, at: nil,
                "expected a message name (\(YAMLReader.list(DomainEvent.names))), found '\(name)'"
                    + YAMLReader.hint(name, DomainEvent.names))
            throw PlaybookError(reader.diagnostics)
        }
        let sender = session.partyRef(fromNode, "from")
        let event = session.readBody(name, bodyNode)
        if let event, let sender { session.checkSender(event, sender, fromNode, bodyNode) }
        if let event, reader.errorCount == 0 {
            var copy = state
            do throws(StateError) {
                try copy.apply(event)
            } catch {
                reader.error(.rejected, at: nil, "expected a '\(name)' message the hub accepts, found one it rejects: \(error.message)")
            }
        }
        guard let event, reader.errorCount == 0 else { throw PlaybookError(reader.diagnostics) }
        return event
    }
}

extension LoadSession {
    /// Makes what `state` holds known, as if read earlier in a playbook.
    func learn(_ state: WorldState) {
        for party in state.parties.values.sorted(by: { $0.id < $1.id }) { _ = register(party) }
        for goal in state.goals.values { goalOwners[goal.id] = goal.party }
        for roadmap in state.roadmaps.values { roadmapOwners[roadmap.id] = roadmap.owner }
        knownGoalIDs = Set(goalOwners.keys)
        knownRoadmapIDs = Set(roadmapOwners.keys)
        barrierIDs = Set(state.barriers.keys)
        labIDs = Set(state.policyLabs.keys)
    }
}
