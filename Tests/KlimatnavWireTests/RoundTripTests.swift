import KlimatnavCore
import Testing

@testable import KlimatnavWire

@Suite struct RoundTripTests {
    @Test(arguments: Samples.messages)
    func roundTrip(_ message: WireMessage) throws {
        let frames = try WireCodec.encode(message)
        #expect(frames.count == 4)
        #expect(frames[0] == Array("KNAV".utf8) + [1])
        #expect(String(decoding: frames[1], as: UTF8.self) == message.type)
        #expect(frames[2].count == 8)
        let decoded = try WireCodec.decode(frames: frames)
        #expect(decoded == message)
        #expect(try WireCodec.encode(decoded) == frames)
    }

    @Test func everyEventNameHasASample() {
        #expect(Samples.events.map(\.name) == DomainEvent.names)
    }

    @Test func everyControlTypeHasASample() {
        let types = Set(Samples.messages.map(\.type))
        for type in WireMessageType.allCases { #expect(types.contains(type.rawValue)) }
    }

    @Test func headerIsBigEndian() {
        #expect(WireCodec.header(0x0102_0304_0506_0708) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(WireCodec.header(UInt64.max) == Array(repeating: 0xFF, count: 8))
    }

    @Test func bodiesAreCanonical() throws {
        let frames = try WireCodec.encode(.ack(Ack(sequence: 1, stateSequence: 42)))
        #expect(String(decoding: frames[3], as: UTF8.self) == #"{"stateSequence":42}"#)
        let heartbeat = try WireCodec.encode(.heartbeat(Heartbeat(sequence: 3)))
        #expect(String(decoding: heartbeat[3], as: UTF8.self) == "{}")
    }

    @Test func acceptsNonCanonicalWhitespaceAndOrder() throws {
        let body = #" { "software" : "x", "party":"lund" } "#
        let message = try WireCodec.decode(frames: Samples.frames("HELLO", body, sequence: 9))
        #expect(message == .hello(Hello(party: "lund", software: "x", lastSequence: 9)))
    }
}
