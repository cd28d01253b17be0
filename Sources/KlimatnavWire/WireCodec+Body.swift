import KlimatnavCore

extension WireCodec {
    /// Decodes frame 3 as the body of `type` and attaches the header `sequence`.
    static func decodeBody(type: String, sequence: UInt64, body: [UInt8], indexed: Bool = true) throws(WireError) -> WireMessage {
        guard let control = WireMessageType(rawValue: type) else {
            // The most frequent body first, without the generic decoder when it can (see
            // ``GoalBodyReader``); it returns nil for anything it is not sure of.
            if !indexed, type == "goal", let goal = GoalBodyReader.read(body) {
                return .domain(DomainMessage(sequence: sequence, event: .goalAsserted(goal)))
            }
            let event = try BodyCoder.decode(DomainBody.self, from: body, eventName: type, indexed: indexed).event
            return .domain(DomainMessage(sequence: sequence, event: event))
        }
        switch control {
        case .hello:
            var hello = try BodyCoder.decode(Hello.self, from: body, indexed: indexed)
            hello.lastSequence = sequence
            return .hello(hello)
        case .welcome:
            var welcome = try BodyCoder.decode(Welcome.self, from: body, indexed: indexed)
            welcome.nextSequence = sequence
            return .welcome(welcome)
        case .ack:
            var ack: Ack
            if !indexed, let fast = AckBodyReader.read(body) {
                ack = fast
            } else {
                ack = try BodyCoder.decode(Ack.self, from: body, indexed: indexed)
            }
            ack.sequence = sequence
            return .ack(ack)
        case .nack:
            var nack = try BodyCoder.decode(Nack.self, from: body, indexed: indexed)
            nack.sequence = sequence
            return .nack(nack)
        case .heartbeat:
            _ = try BodyCoder.decode(Heartbeat.self, from: body, indexed: indexed)
            return .heartbeat(Heartbeat(sequence: sequence))
        case .snapshotRequest:
            _ = try BodyCoder.decode(SnapshotRequest.self, from: body, indexed: indexed)
            return .snapshotRequest(SnapshotRequest(knownStateSequence: sequence))
        case .snapshot:
            var snapshot = try BodyCoder.decode(
                Snapshot.self, from: body, topArrayLimit: WireLimits.maxSnapshotItems, indexed: indexed)
            snapshot.stateSequence = sequence
            return .snapshot(snapshot)
        case .delta:
            var delta: Delta
            if !indexed, let fast = DeltaBodyReader.read(body) {
                delta = fast
            } else {
                delta = try BodyCoder.decode(Delta.self, from: body, indexed: indexed)
            }
            delta.stateSequence = sequence
            return .delta(delta)
        case .gap:
            var gap = try BodyCoder.decode(GapMessage.self, from: body, indexed: indexed)
            gap.stateSequence = sequence
            return .gap(gap)
        }
    }
}
