import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The canonical writer against Foundation's `JSONEncoder` (sorted keys, unescaped slashes),
/// byte for byte, and the receiver's limits found while writing.
@Suite struct CanonicalJSONTests {
    static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The value frame 3 of `message` carries.
    static func body(_ message: WireMessage) -> any Encodable {
        switch message {
        case .hello(let hello): hello
        case .welcome(let welcome): welcome
        case .domain(let domain): DomainBody(domain.event)
        case .ack(let ack): ack
        case .nack(let nack): nack
        case .heartbeat(let heartbeat): heartbeat
        case .snapshotRequest(let request): request
        case .snapshot(let snapshot): snapshot
        case .delta(let delta): delta
        case .gap(let gap): gap
        }
    }

    @Test func everySampleAndFixtureBodyIsWhatJSONEncoderWrites() throws {
        for message in Samples.messages + Fixtures.expected.map(\.message) {
            #expect(try WireCodec.encode(message)[3] == Self.foundation(Self.body(message)), "\(message.type)")
        }
    }

    @Test func randomEventsAreWhatJSONEncoderWrites() throws {
        let random = RandomEvents(seed: 2021)
        var events = random.registrations()
        for _ in 0..<3000 { events.append(random.next()) }
        for (index, event) in events.enumerated() {
            #expect(try CanonicalJSON.encode(DomainBody(event)) == Self.foundation(DomainBody(event)))
            let delta = Delta(stateSequence: 1, by: index % 3 == 0 ? nil : "m1", event: event)
            #expect(try CanonicalJSON.encode(delta) == Self.foundation(delta))
        }
        let snapshot = Snapshot(stateSequence: 5, events: events, gaps: [Samples.gap])
        #expect(try WireCodec.encode(.snapshot(snapshot))[3] == Self.foundation(snapshot))
    }

    /// Strings with everything that is escaped or not, numbers of every size.
    struct Tricky: Codable {
        var text: String
        var texts: [String]
        var double: Double
        var doubles: [Double]
        var float: Float
        var integers: [Int64]
        var unsigned: UInt64
        var flags: [Bool?]
        var table: [String: Int]
        var numbered: [Int: String]
    }

    @Test func stringsAndNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        var rng = MutationTests.SplitMix64(state: 99)
        let alphabet: [Character] = [
            "a", "Z", "0", "/", "\"", "\\", "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}",
            " ", "\u{7f}", "é", "å", "\u{2028}", "\u{2029}", "😀", "\u{FEFF}", "<", "&", "'", "e\u{301}",
        ]
        func text() -> String { String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
        func double() -> Double {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0:
                let scale = [1.0, 10, 100, 1000, 1e7].randomElement(using: &rng)!
                return Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / scale
            case 1: return Double(Int64.random(in: .min ... .max, using: &rng))
            case 2: return Double.random(in: -1e-3...1e-3, using: &rng)
            case 3:
                return [0, -0.0, 1e15, 1e16, 1e21, 1e-5, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, 100].randomElement(
                    using: &rng)!
            default:
                let bits = Double(bitPattern: rng.next())
                return bits.isFinite ? bits : 1.5
            }
        }
        for _ in 0..<2000 {
            let float = Float(double())
            let value = Tricky(
                text: text(), texts: (0..<3).map { _ in text() }, double: double(), doubles: (0..<4).map { _ in double() },
                float: float.isFinite ? float : 0.25, integers: [.min, .max, 0, Int64.random(in: .min ... .max, using: &rng)],
                unsigned: [UInt64.max, 0, rng.next()].randomElement(using: &rng)!, flags: [true, nil, false],
                table: Dictionary(uniqueKeysWithValues: (0..<5).map { ("\(text())\($0)", $0) }),
                numbered: [1: "a", 10: "b", 2: "c", -3: "d"])
            #expect(try CanonicalJSON.encode(value) == Self.foundation(value))
        }
        // Keys sort by code point, not normalized: e + U+0301 before U+00E5.
        let keys = ["e\u{301}", "\u{e5}", "\u{7f}", "a10", "a9", "aB", "aa", "\u{1F600}", "\u{FF41}", "_", "Z"]
        let table = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        #expect(try CanonicalJSON.encode(table) == Self.foundation(table))
        #expect(try CanonicalJSON.encode(IndexDecoderTests.shapes) == Self.foundation(IndexDecoderTests.shapes))
        #expect(try CanonicalJSON.encode([Date(timeIntervalSince1970: 0)]) == Self.foundation([Date(timeIntervalSince1970: 0)]))
    }

    @Test func nonFiniteNumbersAndEmptyValuesThrowAsInJSONEncoder() {
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["a": Float.infinity]) }
        #expect(throws: (any Error).self) { try Self.foundation(Silent()) }
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Silent()) }
    }

    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func limitsAreFoundInTheOrderAReceiverChecks() {
        var goal = Samples.goal
        goal.scopes = Array(repeating: 1, count: WireLimits.maxArrayCount + 1)
        goal.text = String(repeating: "x", count: WireLimits.maxStringBytes + 1)
        // The first in document order: `scopes` comes before `text`.
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.scopes")) {
            try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(goal))))
        }
        // The body size comes first.
        goal.text = String(repeating: "x", count: WireLimits.maxBodyBytes)
        #expect(throws: WireError(.frameTooLarge, "", frame: 3)) {
            try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(goal))))
        }
        // SNAPSHOT's top arrays may be longer; arrays inside them may not.
        let many = Array(repeating: DomainEvent.policyLabClosed(labID: "l"), count: WireLimits.maxArrayCount + 1)
        #expect(throws: Never.self) { try WireCodec.encode(.snapshot(Snapshot(stateSequence: 1, events: many, gaps: []))) }
        var gap = Samples.gap
        gap.evidence = Array(repeating: "e", count: WireLimits.maxArrayCount + 1)
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.gaps[0].evidence")) {
            try WireCodec.encode(.snapshot(Snapshot(stateSequence: 1, events: [], gaps: [gap])))
        }
    }

    /// Arrays nested `depth` deep.
    struct Nested: Encodable {
        var depth: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            if depth > 1 { try container.encode(Nested(depth: depth - 1)) }
        }
    }

    @Test func nestingDeeperThanTheLimitIsBadJSON() throws {
        let limits = BodyLimits.of(type: "goal")
        #expect(throws: Never.self) {
            try BodyCoder.encode(["a": Nested(depth: WireLimits.maxDepth - 1)], limits: limits)
        }
        #expect(throws: WireError(.badJSON, "", frame: 3)) {
            try BodyCoder.encode(["a": Nested(depth: WireLimits.maxDepth)], limits: limits)
        }
        let text = try CanonicalJSON.encode(["a": Nested(depth: 3)])
        #expect(String(decoding: text, as: UTF8.self) == #"{"a":[[[]]]}"#)
    }
}
