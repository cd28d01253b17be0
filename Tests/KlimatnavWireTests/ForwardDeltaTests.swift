import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The hub forwards an accepted domain message's body in its DELTA instead of encoding the
/// event again: the result must be the same DELTA.
@Suite struct ForwardDeltaTests {
    @Test(arguments: Samples.events)
    func aForwardedDeltaEqualsAnEncodedOne(_ event: DomainEvent) throws {
        let domain = try WireCodec.encode(.domain(DomainMessage(sequence: 9, event: event)))
        let delta = Delta(stateSequence: 41, by: "goteborg", event: event)
        let forwarded = try WireCodec.encodeDelta(stateSequence: 41, by: delta.by, event: event.name, body: domain[3])
        // Canonical in, canonical out: byte for byte what the encoder writes.
        #expect(forwarded == (try WireCodec.encode(.delta(delta))))
        #expect(try WireCodec.decode(frames: forwarded) == .delta(delta))
    }

    @Test func aBodyWithWhitespaceIsForwardedAsIsAndStillDecodes() throws {
        let body = Array(#"{ "party" : "lund", "goal" : "lund.g" }"#.utf8)
        let frames = try WireCodec.encodeDelta(stateSequence: 3, by: nil, event: "goal.withdraw", body: body)
        #expect(
            try WireCodec.decode(frames: frames)
                == .delta(Delta(stateSequence: 3, by: nil, event: .goalWithdrawn(goalID: "lund.g", party: "lund"))))
    }

    @Test func limitsTheDomainMessageMetButTheDeltaWouldBreakAreRefused() {
        var deep = Array(repeating: UInt8(ascii: "["), count: WireLimits.maxDepth - 1)
        deep += Array(repeating: UInt8(ascii: "]"), count: WireLimits.maxDepth - 1)
        let body = Array(#"{"x":"#.utf8) + deep + Array("}".utf8)
        #expect(WireCodec.nestingDepth(body) == WireLimits.maxDepth)
        #expect(WireCodec.nestingDepth(Array(#"{"a":"[{\"}"}"#.utf8)) == 1, "brackets inside strings do not count")
        #expect(throws: WireError.self) {
            try WireCodec.encodeDelta(stateSequence: 1, by: nil, event: "goal", body: body)
        }
        let big = Array(#"{"x":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: WireLimits.maxBodyBytes - 8) + Array(#""}"#.utf8)
        #expect(throws: WireError.self) {
            try WireCodec.encodeDelta(stateSequence: 1, by: nil, event: "goal", body: big)
        }
    }
}
