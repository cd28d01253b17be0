import KlimatnavCore

extension WireCodec {
    /// Decodes frame 3 as the body of `type` and attaches the header `sequence`.
    static func decodeBody(type: String, sequence: UInt64, body: [UInt8]) throws(WireError) -> WireMessage {
        guard let control = WireMessageType(rawValue: type) else {
            // The most frequent body first, without the generic decoder when it can (see
            // ``GoalBodyReader``); it returns nil for anything it is not sure of.
            if type == "goal", let goal = GoalBodyReader.read(body) {
                return .domain(DomainMessage(sequence: sequence, event: .goalAsserted(goal)))
            }
            let event = try BodyCoder.decode(DomainBody.self, from: body, eventName: type).event
            return .domain(DomainMessage(sequence: sequence, event: event))
        }
        switch control {
        case .hello:
            var hello = try BodyCoder.decode(Hello.self, from: body)
            hello.lastSequence = sequence
            return .hello(hello)
        case .welcome:
            var welcome = try BodyCoder.decode(Welcome.self, from: body)
            welcome.nextSequence = sequence
            return .welcome(welcome)
        case .ack:
            var ack: Ack
            if let fast = AckBodyReader.read(body) {
                ack = fast
            } else {
                ack = try BodyCoder.decode(Ack.self, from: body)
            }
            ack.sequence = sequence
            return .ack(ack)
        case .nack:
            var nack = try BodyCoder.decode(Nack.self, from: body)
            nack.sequence = sequence
            return .nack(nack)
        case .heartbeat:
            _ = try BodyCoder.decode(Heartbeat.self, from: body)
            return .heartbeat(Heartbeat(sequence: sequence))
        case .snapshotRequest:
            _ = try BodyCoder.decode(SnapshotRequest.self, from: body)
            return .snapshotRequest(SnapshotRequest(knownStateSequence: sequence))
        case .snapshot:
            var snapshot = try BodyCoder.decode(
                Snapshot.self, from: body, topArrayLimit: WireLimits.maxSnapshotItems)
            snapshot.stateSequence = sequence
            return .snapshot(snapshot)
        case .delta:
            if let delta = DeltaBodyReader.read(body, stateSequence: sequence) { return .delta(delta) }
            var delta = try BodyCoder.decode(Delta.self, from: body)
            delta.stateSequence = sequence
            return .delta(delta)
        case .gap:
            var gap = try BodyCoder.decode(GapMessage.self, from: body)
            gap.stateSequence = sequence
            return .gap(gap)
        }
    }
}
