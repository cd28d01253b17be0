extension WireMessage {
    /// Rules a JSON Schema states but `Codable` does not check: value ranges and header rules.
    func validate() throws(WireError) {
        switch self {
        case .domain(let message):
            guard message.sequence >= 1 else {
                throw WireError(.invalidValue, "a domain message's sequence starts at 1", frame: 2)
            }
            if case .goalAsserted(let goal) = message.event {
                // Goals, the most frequent message, without building the identifier list.
                try Self.checkIdentifier(goal.id, path: "body.id")
                if let parent = goal.interimOf { try Self.checkIdentifier(parent, path: "body.interimOf") }
                for (index, scope) in (goal.scopes ?? []).enumerated() where !(1...3).contains(scope) {
                    throw WireError(.invalidValue, "scope \(scope) is not 1, 2 or 3", frame: 3, path: "body.scopes[\(index)]")
                }
            } else {
                for (path, value) in message.event.identifiers { try Self.checkIdentifier(value, path: path) }
            }
        case .welcome(let welcome):
            guard welcome.nextSequence >= 1 else {
                throw WireError(.invalidValue, "the next expected sequence is at least 1", frame: 2)
            }
            guard (100...60_000).contains(welcome.heartbeatIntervalMs) else {
                throw WireError(.invalidValue, "heartbeat interval outside 100-60000 ms", frame: 3, path: "body.heartbeatIntervalMs")
            }
            guard (1...100).contains(welcome.heartbeatLiveness) else {
                throw WireError(.invalidValue, "liveness outside 1-100", frame: 3, path: "body.heartbeatLiveness")
            }
        case .nack(let nack):
            if let frame = nack.frame, !(0...3).contains(frame) {
                throw WireError(.invalidValue, "frame outside 0-3", frame: 3, path: "body.frame")
            }
        case .delta(let delta):
            guard delta.stateSequence >= 1 else { throw WireError(.invalidValue, "state sequences start at 1", frame: 2) }
        case .gap(let gap):
            guard gap.stateSequence >= 1 else { throw WireError(.invalidValue, "state sequences start at 1", frame: 2) }
        case .hello(let hello):
            guard !hello.software.isEmpty else {
                throw WireError(
                    .invalidValue, "software is empty; name the implementation and version (1-8192 bytes)", frame: 3, path: "body.software")
            }
        case .ack, .heartbeat, .snapshotRequest, .snapshot:
            break
        }
    }

    /// An id or topic within ``WireLimits/maxIdentifierBytes`` (section 5.2).
    static func checkIdentifier(_ value: String, path: String) throws(WireError) {
        guard value.utf8.count > WireLimits.maxIdentifierBytes else { return }
        throw WireError(
            .fieldTooLarge, "an id or topic is \(value.utf8.count) bytes, limit \(WireLimits.maxIdentifierBytes)",
            frame: 3, path: path)
    }
}
