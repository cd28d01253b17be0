import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// Every rejection gives its own code, frame and (for bodies) field path.
@Suite struct RejectionTests {
    private func error(_ frames: [[UInt8]]) -> WireError? {
        do {
            _ = try WireCodec.decode(frames: frames)
            return nil
        } catch {
            return error
        }
    }

    private let goalBody =
        #"{"area":"municipality","basis":"unstated","id":"g","orientation":"geographic","party":"lund","status":"adopted","text":"t"}"#

    private func goal(_ replace: String, with: String) -> [[UInt8]] {
        Samples.frames("goal", goalBody.replacingOccurrences(of: replace, with: with))
    }

    @Test func validGoalBodyIsAccepted() throws {
        _ = try WireCodec.decode(frames: Samples.frames("goal", goalBody))
    }

    @Test func badSignature() {
        var frames = Samples.frames("HEARTBEAT", "{}")
        frames[0] = Array("ZMTP".utf8) + [1]
        #expect(error(frames) == WireError(.badSignature, "", frame: 0))
        frames[0] = Array("KNAV".utf8)
        #expect(error(frames)?.code == .badSignature)
        frames[0] = Array("KNAV".utf8) + [1, 0]
        #expect(error(frames)?.code == .badSignature)
    }

    @Test func unsupportedVersion() {
        var frames = Samples.frames("HEARTBEAT", "{}")
        frames[0] = Array("KNAV".utf8) + [2]
        #expect(error(frames) == WireError(.unsupportedVersion, "", frame: 0))
    }

    @Test func missingAndExtraFrames() {
        let frames = Samples.frames("HEARTBEAT", "{}")
        #expect(error([]) == WireError(.missingFrame, "", frame: 0))
        #expect(error(Array(frames.prefix(3))) == WireError(.missingFrame, "", frame: 3))
        #expect(error(Array(frames.prefix(1))) == WireError(.missingFrame, "", frame: 1))
        // No frame 4 exists to point at: `frame` is absent, so the NACK can always be sent.
        #expect(error(frames + [[]]) == WireError(.extraFrame, "", frame: nil))
    }

    @Test(arguments: ["hello", "GOAL", "EVENT", "", "goal ", "SNAPSHOT-REQUESTS"])
    func unknownType(_ type: String) {
        #expect(error(Samples.frames(type, "{}")) == WireError(.unknownType, "", frame: 1))
    }

    @Test func oversizeFrames() {
        var frames = Samples.frames("HEARTBEAT", "{}")
        frames[1] = Array(repeating: UInt8(ascii: "A"), count: 33)
        #expect(error(frames) == WireError(.frameTooLarge, "", frame: 1))
        let big = "{\"text\":\"" + String(repeating: "a", count: WireLimits.maxBodyBytes) + "\"}"
        #expect(error(Samples.frames("HELLO", big)) == WireError(.frameTooLarge, "", frame: 3))
    }

    @Test func badHeader() {
        var frames = Samples.frames("HEARTBEAT", "{}")
        frames[2] = [0, 0, 0, 1]
        #expect(error(frames) == WireError(.badHeader, "", frame: 2))
    }

    @Test func badUTF8() {
        var frames = Samples.frames("goal", goalBody)
        frames[3].insert(contentsOf: [0xC3, 0x28], at: frames[3].count - 2)
        #expect(error(frames) == WireError(.badUTF8, "", frame: 3))
        var surrogate = Samples.frames("goal", goalBody)
        surrogate[3].insert(contentsOf: [0xED, 0xA0, 0x80], at: surrogate[3].count - 2)
        #expect(error(surrogate)?.code == .badUTF8)
    }

    /// Section 4 puts the byte-order mark under the UTF-8 rule, not under JSON syntax.
    @Test func byteOrderMarkIsBadUTF8() {
        #expect(error(Samples.frames("HEARTBEAT", "\u{FEFF}{}")) == WireError(.badUTF8, "", frame: 3))
        #expect(error(Samples.frames("goal", "\u{FEFF}" + goalBody)) == WireError(.badUTF8, "", frame: 3))
    }

    /// Section 5.2: ids and topics are at most 1024 bytes (gap ids are built from them).
    @Test func idsAndTopicsOverTheirLimitAreFieldTooLarge() {
        let long = String(repeating: "x", count: WireLimits.maxIdentifierBytes + 1)
        let edge = String(repeating: "x", count: WireLimits.maxIdentifierBytes)
        #expect(error(goal(#""id":"g""#, with: "\"id\":\"\(long)\"")) == WireError(.fieldTooLarge, "", frame: 3, path: "body.id"))
        #expect(error(goal(#""id":"g""#, with: "\"id\":\"\(edge)\"")) == nil)
        let area = #"{"id":"a","needsLevels":["national"],"party":"lund","title":"T","topic":"TOPIC"}"#
        #expect(
            error(Samples.frames("investment-area", area.replacingOccurrences(of: "TOPIC", with: long)))
                == WireError(.fieldTooLarge, "", frame: 3, path: "body.topic"))
        let barrier =
            #"{"affectedTopics":["t","TOPIC"],"changeLevel":"national","id":"b","reportedBy":["lund"],"status":"reported","title":"B"}"#
        #expect(
            error(Samples.frames("barrier.report", barrier.replacingOccurrences(of: "TOPIC", with: long)))
                == WireError(.fieldTooLarge, "", frame: 3, path: "body.affectedTopics[1]"))
    }

    /// Section 6.1: `software` is 1-8192 bytes.
    @Test func emptySoftwareInHelloIsInvalid() {
        #expect(
            error(Samples.frames("HELLO", #"{"party":"lund","software":""}"#))
                == WireError(.invalidValue, "", frame: 3, path: "body.software"))
        #expect(throws: WireError(.invalidValue, "", frame: 3, path: "body.software")) {
            try WireCodec.encode(.hello(Hello(party: "lund", software: "", lastSequence: 0)))
        }
    }

    /// A NACK can always be encoded: a reason quoting a long value is cut, a frame outside
    /// 0-3 left out (so the hub never fails to answer, section 6.3).
    @Test func nacksAreAlwaysEncodable() throws {
        let long = WireError(.unknownValue, "unknown value '" + String(repeating: "å", count: 5000) + "'", frame: 3, path: "body.word")
        let nack = Nack(sequence: 7, error: long)
        #expect(nack.reason.utf8.count <= WireLimits.maxStringBytes)
        #expect(nack.reason.hasSuffix("..."))
        _ = try WireCodec.encode(.nack(nack))
        let outside = Nack(sequence: 7, error: WireError(.extraFrame, "five frames", frame: 4))
        #expect(outside.frame == nil)
        _ = try WireCodec.encode(.nack(outside))
    }

    @Test(arguments: [
        "", "{", "{\"a\":1,}", "{\"a\" 1}", "{} {}", "{}x", "{\"a\":01}", "{\"a\":1.}", "{\"a\":'x'}",
        "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x\"}", "{\"a\":\"tab\there\"}", "{\"a\":1e999}",
        "{\"a\":nul}", String(repeating: "[", count: 20) + String(repeating: "]", count: 20),
    ])
    func invalidJSON(_ body: String) {
        #expect(error(Samples.frames("HEARTBEAT", body))?.code == .badJSON)
    }

    @Test func duplicateKeysAreRejected() {
        let err = error(Samples.frames("HELLO", #"{"party":"lund","party":"malmo","software":"x"}"#))
        #expect(err?.code == .badJSON)
        #expect(err?.message.contains("duplicate key") == true)
    }

    @Test(arguments: ["[]", "\"x\"", "1", "null", "true"])
    func topLevelMustBeAnObject(_ body: String) {
        #expect(error(Samples.frames("HEARTBEAT", body)) == WireError(.wrongType, "", frame: 3, path: "body"))
    }

    @Test func wrongTypeNamesPathExpectedAndFound() {
        let err = error(goal(#""text":"t""#, with: #""targetYear":"2030","text":"t""#))
        #expect(err == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
        #expect(err?.message == "expected integer, found string")
        #expect(err?.description == "wrong-type (frame 3): body.targetYear: expected integer, found string")
    }

    @Test func fractionForIntegerIsWrongType() {
        let err = error(goal(#""text":"t""#, with: #""targetYear":2030.5,"text":"t""#))
        #expect(err == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
    }

    @Test func wrongTypeInNestedArray() {
        let body = #"{"roadmap":"r","milestone":{"year":2030,"text":5}}"#
        #expect(error(Samples.frames("roadmap.milestone", body)) == WireError(.wrongType, "", frame: 3, path: "body.milestone.text"))
        let scopes = goal(#""text":"t""#, with: #""scopes":[1,"2"],"text":"t""#)
        #expect(error(scopes) == WireError(.wrongType, "", frame: 3, path: "body.scopes[1]"))
    }

    @Test func missingField() {
        let err = error(goal(#","text":"t""#, with: ""))
        #expect(err == WireError(.missingField, "", frame: 3, path: "body.text"))
        #expect(error(Samples.frames("NACK", #"{"reason":"x"}"#)) == WireError(.missingField, "", frame: 3, path: "body.code"))
    }

    @Test func unknownField() {
        #expect(
            error(goal(#""text":"t""#, with: #""targetyear":2030,"text":"t""#))
                == WireError(.unknownField, "", frame: 3, path: "body.targetyear"))
        #expect(error(Samples.frames("HEARTBEAT", #"{"x":1}"#)) == WireError(.unknownField, "", frame: 3, path: "body.x"))
        let body = #"{"roadmap":"r","milestone":{"year":2030,"text":"t","month":5}}"#
        #expect(error(Samples.frames("roadmap.milestone", body)) == WireError(.unknownField, "", frame: 3, path: "body.milestone.month"))
    }

    @Test func nullIsRejectedEvenForOptionalFields() {
        #expect(
            error(goal(#""text":"t""#, with: #""targetYear":null,"text":"t""#))
                == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
        #expect(error(goal(#""text":"t""#, with: #""text":null"#))?.code == .wrongType)
    }

    @Test func oversizeFields() {
        let long = String(repeating: "ä", count: WireLimits.maxStringBytes / 2 + 1)
        #expect(error(goal(#""text":"t""#, with: "\"text\":\"\(long)\"")) == WireError(.fieldTooLarge, "", frame: 3, path: "body.text"))
        let many = Array(repeating: "1", count: WireLimits.maxArrayCount + 1).joined(separator: ",")
        #expect(
            error(goal(#""text":"t""#, with: "\"scopes\":[\(many)],\"text\":\"t\""))
                == WireError(.fieldTooLarge, "", frame: 3, path: "body.scopes"))
    }

    @Test(arguments: ["Lund", "1lund", "", "lund_x", "göteborg", String(repeating: "a", count: 65)])
    func invalidPartyID(_ id: String) {
        #expect(
            error(goal(#""party":"lund""#, with: "\"party\":\"\(id)\"")) == WireError(.invalidPartyID, "", frame: 3, path: "body.party"))
    }

    @Test func invalidPartyIDInHello() {
        #expect(
            error(Samples.frames("HELLO", #"{"party":"Växjö","software":"x"}"#))
                == WireError(.invalidPartyID, "", frame: 3, path: "body.party"))
    }

    @Test func unknownEnumValue() {
        let err = error(goal(#""basis":"unstated""#, with: #""basis":"relative""#))
        #expect(err == WireError(.unknownValue, "", frame: 3, path: "body.basis"))
        #expect(err?.message.contains("per-capita") == true)
        #expect(
            error(Samples.frames("NACK", #"{"code":"oops","reason":"x"}"#)) == WireError(.unknownValue, "", frame: 3, path: "body.code"))
        let delta = #"{"event":"goal.assert","body":{}}"#
        #expect(error(Samples.frames("DELTA", delta)) == WireError(.unknownValue, "", frame: 3, path: "body.event"))
    }

    @Test func invalidValues() {
        #expect(error(Samples.frames("goal", goalBody, sequence: 0)) == WireError(.invalidValue, "", frame: 2))
        #expect(
            error(Samples.frames("WELCOME", #"{"heartbeatIntervalMs":5,"heartbeatLiveness":3}"#))
                == WireError(.invalidValue, "", frame: 3, path: "body.heartbeatIntervalMs"))
        #expect(
            error(goal(#""text":"t""#, with: #""scopes":[1,4],"text":"t""#))
                == WireError(.invalidValue, "", frame: 3, path: "body.scopes[1]"))
        let gap =
            #"{"change":"opened","at":"yesterday","gap":{"id":"g","kind":"ambition-gap","parties":[],"levels":[],"topic":"t","summary":"s","evidence":[]}}"#
        #expect(error(Samples.frames("GAP", gap)) == WireError(.invalidValue, "", frame: 3, path: "body.at"))
    }

    @Test func encoderRefusesWhatTheDecoderWouldReject() {
        var bad = Samples.goal
        bad.reductionPercent = .nan
        #expect(throws: WireError.self) { try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(bad)))) }
        #expect(throws: WireError.self) { try WireCodec.encode(.domain(DomainMessage(sequence: 0, event: .goalAsserted(Samples.goal)))) }
        var long = Samples.goal
        long.text = String(repeating: "x", count: WireLimits.maxStringBytes + 1)
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.text")) {
            try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(long))))
        }
    }

    @Test func stateErrorsMapToNackCodes() {
        let err = WireError(StateError(.unknownBarrier, "no barrier 'x' is reported"))
        #expect(err.code == .unknownBarrier)
        #expect(Nack(sequence: 4, error: err).code == .unknownBarrier)
    }

    @Test func codesAreUnique() {
        #expect(Set(WireError.Code.allCases.map(\.number)).count == WireError.Code.allCases.count)
    }
}
