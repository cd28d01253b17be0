import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// ``WireCodec/decodeDomain(event:sequence:body:)`` and ``WireCodec/sequence(inHeader:)``:
/// stored bodies decode as the same frames would, without building frames.
@Suite struct StoredBodyTests {
    private func frames(_ name: String, _ sequence: UInt64, _ body: [UInt8]) -> [[UInt8]] {
        [WireCodec.frame0, Array(name.utf8), WireCodec.header(sequence), body]
    }

    private func error(_ body: () throws -> Void) -> WireError? {
        do {
            try body()
            return nil
        } catch {
            return error as? WireError ?? WireError(.internalError, "not a WireError: \(error)")
        }
    }

    @Test func everySampleEventDecodesAsItsFrames() throws {
        for (index, event) in Samples.events.enumerated() {
            let message = DomainMessage(sequence: UInt64(index + 1), event: event)
            let encoded = try WireCodec.encode(.domain(message))
            let name = String(decoding: encoded[1], as: UTF8.self)
            #expect(try WireCodec.decodeDomain(event: name, sequence: message.sequence, body: encoded[3]) == message)
        }
    }

    @Test func badBodiesFailAsTheirFrames() throws {
        let bodies = [
            #"{"id":"g","party":"lund"}"#, #"{"id":"g","party":"Lund","text":"t"}"#, #"{"id":1}"#, "[]", "{", "",
            #"{"area":"municipality","basis":"unstated","id":"g","orientation":"geographic","party":"lund","status":"adopted","text":"t","x":1}"#,
        ]
        for body in bodies {
            let fromFrames = error { _ = try WireCodec.decode(frames: frames("goal", 3, Array(body.utf8))) }
            let stored = error { _ = try WireCodec.decodeDomain(event: "goal", sequence: 3, body: Array(body.utf8)) }
            #expect(fromFrames != nil)
            #expect(stored == fromFrames, "\(body)")
            #expect(stored?.message == fromFrames?.message)
        }
        // Header rules too: a domain message is numbered from 1.
        let body = try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: Samples.events[0])))[3]
        let name = Samples.events[0].name
        let zero = error { _ = try WireCodec.decodeDomain(event: name, sequence: 0, body: body) }
        #expect(zero != nil)
        #expect(zero == error { _ = try WireCodec.decode(frames: frames(name, 0, body)) })
    }

    @Test func unknownEventsAndLargeBodiesAreRefused() {
        let unknown = error { _ = try WireCodec.decodeDomain(event: "ACK", sequence: 1, body: Array("{}".utf8)) }
        #expect(unknown == WireError(.unknownType, "", frame: 1))
        let large = [UInt8](repeating: UInt8(ascii: " "), count: WireLimits.maxBodyBytes + 1)
        #expect(
            error { _ = try WireCodec.decodeDomain(event: "goal", sequence: 1, body: large) } == WireError(.frameTooLarge, "", frame: 3))
    }

    @Test func headerSequence() {
        #expect(WireCodec.sequence(inHeader: frames("goal", 0x0102_0304_0506_0708, [])) == 0x0102_0304_0506_0708)
        #expect(WireCodec.sequence(inHeader: frames("goal", .max, []) + [[1]]) == .max)
        #expect(WireCodec.sequence(inHeader: [WireCodec.frame0, Array("goal".utf8)]) == nil)
        #expect(WireCodec.sequence(inHeader: [WireCodec.frame0, Array("goal".utf8), [0, 0, 0, 1], []]) == nil)
    }

    @Test func storedFramesAreTheFramesEncodeWrote() throws {
        let sent = try WireCodec.encode(.domain(DomainMessage(sequence: 7, event: .policyLabClosed(labID: "lab-1"))))
        #expect(WireCodec.frames(event: "policy-lab.close", sequence: 7, body: sent[3]) == sent)
    }

    @Test func onlyABodyOrFrameCountErrorOfADomainMessageUsesItsNumber() throws {
        let goal = frames("goal", 3, Array("{}".utf8))
        let bodyError = try #require(error { _ = try WireCodec.decode(frames: goal) })
        #expect(WireCodec.usesSenderSequence(goal, refusedWith: bodyError))
        let extra = goal + [[0]]
        #expect(WireCodec.usesSenderSequence(extra, refusedWith: try #require(error { _ = try WireCodec.decode(frames: extra) })))
        let heartbeat = frames("HEARTBEAT", 3, Array("[]".utf8))
        #expect(!WireCodec.usesSenderSequence(heartbeat, refusedWith: try #require(error { _ = try WireCodec.decode(frames: heartbeat) })))
        let badHeader = [WireCodec.frame0, Array("goal".utf8), [0, 1], Array("{}".utf8)]
        #expect(!WireCodec.usesSenderSequence(badHeader, refusedWith: try #require(error { _ = try WireCodec.decode(frames: badHeader) })))
    }
}
