import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The fast body paths (``GoalBodyWriter``, ``GoalBodyReader``, ``AckBodyWriter``,
/// ``AckBodyReader``) against the generic ``BodyCoder``, called directly: the same bytes out,
/// the same values in, and on damaged input either the generic decoder's value or a fallback
/// to it, so `WireCodec` accepts, refuses and reports exactly as before.
@Suite struct FastBodyTests {
    static let limits = BodyLimits.of(type: "goal")

    static func genericEncode(_ goal: Goal) throws -> [UInt8] {
        try BodyCoder.encode(DomainBody(.goalAsserted(goal)), limits: limits)
    }

    static func genericDecode(_ body: [UInt8]) throws -> Goal {
        guard case .goalAsserted(let goal) = try BodyCoder.decode(DomainBody.self, from: body, eventName: "goal").event else {
            throw WireError(.invalidValue, "not a goal")
        }
        return goal
    }

    /// Whether the canonical text of `goal` has a `\u` escape (control characters other than
    /// `\b \t \n \f \r`), which the fast reader leaves to the generic decoder.
    static func needsUnicodeEscape(_ body: [UInt8]) -> Bool {
        zip(body, body.dropFirst()).contains { $0 == UInt8(ascii: "\\") && $1 == UInt8(ascii: "u") }
    }

    static func randomGoals(_ count: Int, seed: UInt64) -> [Goal] {
        var goals = RandomGoals(seed: seed)
        return [Samples.goal, Goal(id: "", party: "a")] + (0..<count).map { _ in goals.next() }
    }

    @Test func fastEncodeIsTheGenericEncodeByteForByte() throws {
        for goal in Self.randomGoals(4000, seed: 1) {
            let fast = try #require(GoalBodyWriter.write(goal, limits: Self.limits), "\(goal)")
            #expect(fast == (try Self.genericEncode(goal)), "\(goal)")
        }
    }

    @Test func fastDecodeIsTheGenericDecode() throws {
        var fastReads = 0
        for goal in Self.randomGoals(4000, seed: 2) {
            let body = try Self.genericEncode(goal)
            let generic = try Self.genericDecode(body)
            #expect(generic == goal)
            if let fast = GoalBodyReader.read(body) {
                fastReads += 1
                #expect(fast == generic, "\(goal)")
            } else {
                #expect(Self.needsUnicodeEscape(body), "fast reader refused \(String(decoding: body, as: UTF8.self))")
            }
        }
        #expect(fastReads > 1000)
    }

    @Test func wireCodecRoundTripsGoals() throws {
        for (index, goal) in Self.randomGoals(500, seed: 3).enumerated() {
            var goal = goal
            goal.scopes = goal.scopes?.map { Int($0.magnitude % 3) + 1 }
            let message = WireMessage.domain(DomainMessage(sequence: UInt64(index + 1), event: .goalAsserted(goal)))
            let frames = try WireCodec.encode(message)
            #expect(frames[3] == (try Self.genericEncode(goal)))
            #expect(try WireCodec.decode(frames: frames) == message)
        }
    }

    /// Values the fast writer leaves to the generic encoder: the same error as before.
    @Test func outOfLimitGoalsFallBackToTheGenericError() throws {
        let big = String(repeating: "x", count: WireLimits.maxStringBytes)
        let controls = String(repeating: "\u{1}", count: WireLimits.maxStringBytes)
        let cases: [Goal] = [
            Goal(id: big + "y", party: "a"),
            Goal(id: "g", party: "a", reductionPercent: .infinity),
            Goal(id: "g", party: "a", perCapitaTonnes: .nan),
            Goal(id: "g", party: "a", scopes: Array(repeating: 1, count: WireLimits.maxArrayCount + 1)),
            Goal(id: controls, party: "a", areaName: controls, sector: controls, interimOf: controls, text: controls, source: controls),
        ]
        for goal in cases {
            #expect(GoalBodyWriter.write(goal, limits: Self.limits) == nil)
            let message = WireMessage.domain(DomainMessage(sequence: 1, event: .goalAsserted(goal)))
            let generic = Self.error { _ = try Self.genericEncode(goal) }
            let wire = Self.error { _ = try WireCodec.encode(message) }
            #expect(generic != nil)
            #expect(wire == generic)
            #expect(wire?.message == generic?.message)
        }
        // Exactly at the limits, the fast writer writes.
        let edge = Goal(id: big, party: "a", scopes: Array(repeating: 1, count: WireLimits.maxArrayCount))
        #expect(GoalBodyWriter.write(edge, limits: Self.limits) == (try Self.genericEncode(edge)))
    }

    static func error(_ body: () throws -> Void) -> WireError? {
        do {
            try body()
            return nil
        } catch let error as WireError {
            return error
        } catch {
            return WireError(.invalidValue, "\(error)")
        }
    }

    /// What the fast reader of `type` (`goal`, `ACK`, `DELTA`) reads, with header 1.
    static func fastRead(type: String, body: [UInt8]) -> WireMessage? {
        switch type {
        case "goal": GoalBodyReader.read(body).map { .domain(DomainMessage(sequence: 1, event: .goalAsserted($0))) }
        case "ACK": AckBodyReader.read(body).map { .ack($0.withSequence(1)) }
        default: DeltaBodyReader.read(body).map { .delta($0.withStateSequence(1)) }
        }
    }

    /// What the generic decoder (``BodyCoder``) reads, with header 1, before value rules.
    static func genericRead(type: String, body: [UInt8]) throws -> WireMessage {
        switch type {
        case "goal": .domain(DomainMessage(sequence: 1, event: .goalAsserted(try genericDecode(body))))
        case "ACK": .ack(try BodyCoder.decode(Ack.self, from: body).withSequence(1))
        default: .delta(try BodyCoder.decode(Delta.self, from: body).withStateSequence(1))
        }
    }

    /// Checks one (maybe damaged) body: whatever the fast reader returns, the generic decoder
    /// returns too, and `WireCodec.decode` gives the generic path's message (value rules
    /// checked) or its exact error. Returns whether the fast reader read it.
    static func check(type: String, body: [UInt8]) throws -> Bool {
        let fast = fastRead(type: type, body: body)
        var generic: WireMessage?
        let genericError = error {
            let message = try genericRead(type: type, body: body)
            try message.validate()
            generic = message
        }
        var wire: WireMessage?
        let frames = [WireCodec.frame0, Array(type.utf8), WireCodec.header(1), body]
        let wireError = error { wire = try WireCodec.decode(frames: frames) }
        let text = String(decoding: body, as: UTF8.self)
        if let fast {
            // The fast readers check no value rule (scopes 1-3): compare before those.
            #expect((try? genericRead(type: type, body: body)) == fast, "fast reader accepted \(text)")
        }
        #expect(wire == generic, "\(text)")
        #expect(wireError == genericError, "\(text)")
        #expect(wireError?.message == genericError?.message, "\(text)")
        return fast != nil
    }

    @Test func mutatedGoalBodiesDecodeAsTheGenericDecoderDecodes() throws {
        var mutator = BodyMutator(seed: 4)
        var fastReads = 0
        var total = 0
        for goal in Self.randomGoals(600, seed: 5) {
            let body = try Self.genericEncode(goal)
            for _ in 0..<40 {
                total += 1
                if try Self.check(type: "goal", body: mutator.mutate(body)) { fastReads += 1 }
            }
        }
        // Some damage leaves a valid goal (members reordered, another valid value): the fast
        // reader must have read some of those, or this test proves little.
        #expect(fastReads > total / 50)
    }

    /// Goal DELTAs: the hub's forwarded form is the generic encoder's, and the fast reader
    /// reads it (and damaged copies) as the generic decoder does.
    @Test func goalDeltas() throws {
        var mutator = BodyMutator(seed: 7)
        var fastReads = 0
        var total = 0
        for (index, goal) in Self.randomGoals(600, seed: 8).enumerated() {
            let by: PartyID? = index % 3 == 0 ? nil : goal.party
            let delta = Delta(stateSequence: 1, by: by, event: .goalAsserted(goal))
            let generic = try BodyCoder.encode(delta, limits: BodyLimits.of(type: "DELTA"))
            let forwarded = try WireCodec.encodeDelta(stateSequence: 1, by: by, event: "goal", body: try Self.genericEncode(goal))[3]
            #expect(forwarded == generic)
            if try Self.check(type: "DELTA", body: generic) {
                fastReads += 1
            } else {
                #expect(Self.needsUnicodeEscape(generic), "fast reader refused \(String(decoding: generic, as: UTF8.self))")
            }
            for _ in 0..<20 {
                total += 1
                if try Self.check(type: "DELTA", body: mutator.mutate(generic)) { fastReads += 1 }
            }
        }
        #expect(fastReads > total / 50)
        // Damage next to the envelope's members.
        let body = try Self.genericEncode(Samples.goal)
        let good = try WireCodec.encodeDelta(stateSequence: 1, by: "goteborg", event: "goal", body: body)[3]
        #expect(try Self.check(type: "DELTA", body: good))
        let text = String(decoding: good, as: UTF8.self)
        let variants = [
            (#","by":"#, #";"by":"#), (#","by":"#, #","bz":"#), (#","by":"#, #"}"by":"#),
            (#""goteborg""#, #""Goteborg""#), (#""goteborg""#, #""gote"borg""#), (#""goteborg""#, #""""#),
            (#""event""#, #""Event""#), (#"{"body":"#, #"{"bodz":"#), (#"{"body":{"#, #"{"body":[{"#),
            (#""goal"}"#, #""go\u0061l"}"#),
        ]
        for (from, to) in variants {
            let damaged = Array(text.replacingOccurrences(of: from, with: to).utf8)
            #expect(damaged != good)
            #expect(try !Self.check(type: "DELTA", body: damaged), "\(to)")
        }
        // Whitespace between tokens is JSON like any other: both readers read the same DELTA.
        let spaced = [(#","by":"#, #" ,"by":"#), (#","by":"#, #","by" :"#), (#""goal"}"#, #""goal" }"#), (#"{"body":"#, #"{ "body" :"#)]
        for (from, to) in spaced {
            #expect(try Self.check(type: "DELTA", body: Array(text.replacingOccurrences(of: from, with: to).utf8)), "\(to)")
        }
        // Other events' DELTAs go to the generic decoder.
        let other = try BodyCoder.encode(Delta(stateSequence: 1, by: nil, event: Samples.events[2]), limits: BodyLimits.of(type: "DELTA"))
        #expect(DeltaBodyReader.read(other) == nil)
        #expect(try !Self.check(type: "DELTA", body: other))
    }

    @Test func ackBodies() throws {
        let acks = [
            Ack(sequence: 1), Ack(sequence: 1, stateSequence: 0), Ack(sequence: 1, stateSequence: 42),
            Ack(sequence: 1, stateSequence: .max),
        ]
        for ack in acks {
            let fast = try #require(AckBodyWriter.write(ack, limits: BodyLimits.of(type: "ack")))
            let generic = try BodyCoder.encode(ack, limits: BodyLimits.of(type: "ack"))
            #expect(fast == generic)
            #expect(AckBodyReader.read(fast) == ack.withSequence(0))
            #expect(try Self.check(type: "ACK", body: fast))
            #expect(try WireCodec.encode(.ack(ack))[3] == generic)
        }
        var mutator = BodyMutator(seed: 6)
        var fastReads = 0
        for ack in acks {
            let body = try BodyCoder.encode(ack, limits: BodyLimits.of(type: "ack"))
            for _ in 0..<3000 where try Self.check(type: "ACK", body: mutator.mutate(body)) { fastReads += 1 }
        }
        #expect(fastReads > 0)
    }
}

extension Delta {
    func withStateSequence(_ stateSequence: UInt64) -> Delta {
        var delta = self
        delta.stateSequence = stateSequence
        return delta
    }
}

extension Ack {
    func withSequence(_ sequence: UInt64) -> Ack {
        var ack = self
        ack.sequence = sequence
        return ack
    }
}
