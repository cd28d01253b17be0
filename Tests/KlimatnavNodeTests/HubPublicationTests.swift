import KlimatnavCore
import KlimatnavWire
import Testing

@testable import KlimatnavNode

/// The hub publishes a DELTA by forwarding the accepted body; only when the DELTA's own
/// framing would break a limit does it decode the body and encode the DELTA afresh.
@Suite struct HubPublicationTests {
    let goal = Goal(id: "lund.g", party: "lund", targetYear: 2030, text: "fossil free")

    func body(_ event: DomainEvent) throws -> [UInt8] {
        try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: event)))[3]
    }

    @Test func aForwardedDeltaIsTheEncodedDelta() throws {
        let event = DomainEvent.goalAsserted(goal)
        let publication = HubPublication.delta(stateSequence: 7, by: "lund", event: event.name, body: try body(event))
        #expect(publication.stateSequence == 7)
        #expect(try publication.frames() == WireCodec.encode(.delta(Delta(stateSequence: 7, by: "lund", event: event))))
    }

    @Test func aBodyTooLargeToForwardIsEncodedAfreshWhenThatFits() throws {
        // Accepted bodies need not be canonical: whitespace can bring one so near the body
        // limit that the DELTA around it would not fit, while the canonical DELTA does.
        let event = DomainEvent.goalAsserted(goal)
        let canonical = try body(event)
        var padded = canonical
        padded.insert(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: WireLimits.maxBodyBytes - canonical.count - 10), at: 1)
        #expect(padded.count < WireLimits.maxBodyBytes)
        #expect(throws: WireError.self) {
            try WireCodec.encodeDelta(stateSequence: 3, by: "lund", event: event.name, body: padded)
        }
        let publication = HubPublication.delta(stateSequence: 3, by: "lund", event: event.name, body: padded)
        #expect(try publication.frames() == WireCodec.encode(.delta(Delta(stateSequence: 3, by: "lund", event: event))))
    }
}
