import Foundation
import KlimatnavCore

@testable import KlimatnavWire

/// The values the encoder is held to (see ``EncodeRecordTests``): random goals and events as
/// bodies and DELTAs, every sample and fixture message, ACKs, snapshots, values over the
/// receiver's limits, nesting, duplicate keys, and strings and numbers of every kind. Each is
/// written with the wire's limits (`type`) or as ``CanonicalJSON`` (`type` `nil`).
enum EncodeCorpus {
    typealias Case = (value: any Encodable, type: String?)

    static func cases() -> [Case] {
        var cases: [Case] = []
        for goal in FastBodyTests.randomGoals(3000, seed: 11) {
            cases.append((DomainBody(.goalAsserted(goal)), "goal"))
            cases.append((goal, nil))
        }
        let big = String(repeating: "x", count: WireLimits.maxStringBytes)
        let long = Array(repeating: 1, count: WireLimits.maxArrayCount + 1)
        let goals = [
            Goal(id: big + "y", party: "a"), Goal(id: "g", party: "a", reductionPercent: .infinity),
            Goal(id: "g", party: "a", perCapitaTonnes: .nan), Goal(id: "g", party: "a", scopes: long),
            Goal(id: big, party: "a", scopes: Array(long.dropLast())), Goal(id: big + "y", party: "a", scopes: long, text: big + "z"),
            Goal(id: "g", party: "a", areaName: big + "a", sector: big + "s", text: String(repeating: big, count: 33)),
        ]
        cases += goals.map { (DomainBody(.goalAsserted($0)), "goal") }
        let random = RandomEvents(seed: 2021)
        var events = random.registrations()
        for _ in 0..<2000 { events.append(random.next()) }
        for (index, event) in events.enumerated() {
            cases.append((DomainBody(event), event.name))
            cases.append((Delta(stateSequence: UInt64(index), by: index % 3 == 0 ? nil : "m1", event: event), "DELTA"))
            cases.append((Delta(stateSequence: 1, by: "m1", event: event), nil))
        }
        for message in Samples.messages + Fixtures.expected.map(\.message) {
            cases.append((CanonicalJSONTests.body(message), message.type))
        }
        for state in [nil, 0, 42, UInt64.max] { cases.append((Ack(sequence: 1, stateSequence: state), "ACK")) }
        cases.append((Snapshot(stateSequence: 5, events: events, gaps: [Samples.gap]), "SNAPSHOT"))
        let closed = Array(repeating: DomainEvent.policyLabClosed(labID: "l"), count: WireLimits.maxArrayCount + 1)
        var gap = Samples.gap
        gap.evidence = Array(repeating: big + "e", count: WireLimits.maxArrayCount + 1)
        cases += [
            (Snapshot(stateSequence: 1, events: closed, gaps: []), "SNAPSHOT"),
            (Snapshot(stateSequence: 1, events: [], gaps: [gap]), "SNAPSHOT"),
        ]
        cases += [(Snapshot(stateSequence: 1, events: closed, gaps: []), "DELTA"), (["a": CanonicalJSONTests.Nested(depth: 16)], "goal")]
        cases += [(["a": CanonicalJSONTests.Nested(depth: 15)], "goal"), (["a": CanonicalJSONTests.Nested(depth: 3)], nil)]
        cases += [(Twice(), nil), (Twice(), "goal"), (Nested2(), "goal"), (Nested2(), nil), ([Date(timeIntervalSince1970: 0)], nil)]
        cases += [
            ("plain", nil), (1.5, nil), ([[String: Int]](), nil), ([big + "q": [big]], "goal"), ([big + "q": 1.5, "a": .nan], "goal"),
        ]
        cases += [
            ([Double.nan], nil), (["a": Float.infinity], nil), (CanonicalJSONTests.Silent(), nil), (CanonicalJSONTests.Silent(), "goal"),
        ]
        return cases + tricky()
    }

    /// Keys written twice (the last one is kept) around a value over the limits.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case b, a, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(String(repeating: "x", count: WireLimits.maxStringBytes + 1), forKey: .b)
            try container.encode(1, forKey: .a)
            try container.encode("short", forKey: .b)
            try container.encode([2], forKey: .c)
            try container.encode([3], forKey: .c)
        }
    }

    /// Nested containers, `superEncoder`s (one used, one not) and a second request for the same container.
    struct Nested2: Encodable {
        enum Key: String, CodingKey { case z, y, x, w, super_ = "super" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: .z)
            try inner.encode(true, forKey: .y)
            try inner.encodeNil(forKey: .x)
            var items = inner.nestedUnkeyedContainer(forKey: .w)
            try items.encode(Int8(-8))
            var deeper = items.nestedContainer(keyedBy: Key.self)
            try deeper.encode(UInt16(7), forKey: .x)
            try container.encode(Float(0.1), forKey: .y)
            _ = container.superEncoder(forKey: .w)
            var single = container.superEncoder().singleValueContainer()
            try single.encode(["k": String(repeating: "é", count: WireLimits.maxStringBytes)])
            var again = encoder.container(keyedBy: Key.self)
            try again.encode(Double(-0.0), forKey: .x)
            var list = container.nestedUnkeyedContainer(forKey: .super_)
            _ = list.superEncoder()
            try list.encode(URL(string: "https://example.org/a/b")!)
            try list.encode(Data([1, 2, 255]))
        }
    }

    /// Random strings and numbers (as ``CanonicalJSONTests``).
    static func tricky() -> [Case] {
        var rng = MutationTests.SplitMix64(state: 5)
        let alphabet: [Character] = [
            "a", "/", "\"", "\\", "\u{0}", "\u{8}", "\t", "\n", "\u{c}", "\r", "\u{1f}", "\u{7f}", "é", "\u{2028}", "😀", "e\u{301}",
        ]
        func text() -> String { String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
        let doubles: [Double] = [
            0, -0.0, 0.1, 1e300, 1e-300, 2030, 1e15, 1e16, 1e21, 1e-5, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5,
        ]
        return (0..<500).map { index in
            let value = CanonicalJSONTests.Tricky(
                text: text(), texts: (0..<3).map { _ in text() }, double: doubles.randomElement(using: &rng)!,
                doubles: (0..<4).map { _ in Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) }, float: Float(index) / 7,
                integers: [.min, .max, 0, Int64.random(in: .min ... .max, using: &rng)], unsigned: rng.next(), flags: [true, nil, false],
                table: Dictionary(uniqueKeysWithValues: (0..<5).map { ("\(text())\($0)", $0) }),
                numbered: [1: "a", 10: "b", 2: "c", -3: "d"])
            return (value, index % 2 == 0 ? nil : "goal")
        }
    }

    /// What writing `value` gives: its text, or its error.
    static func outcome<T: Encodable>(_ value: T, type: String?, encode: (T, BodyLimits?) throws -> [UInt8]) -> String {
        do {
            return String(decoding: try encode(value, type.map(BodyLimits.of(type:))), as: UTF8.self)
        } catch let error as WireError {
            return "\(error.code.rawValue)|\(error.frame ?? -1)|\(error.path ?? "")|\(error.message)"
        } catch {
            return "error|\(error)"
        }
    }

    /// FNV-1a over `texts`, each followed by a 0 byte.
    static func digest(_ texts: some Sequence<String>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 + [0] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }

    /// The outcome's kind: `text`, or the error's code.
    static func kind(_ outcome: String) -> String {
        outcome.hasPrefix("{") || outcome.hasPrefix("[") || outcome.hasPrefix("\"") || outcome.first?.isNumber == true
            ? "text" : String(outcome.prefix { $0 != "|" })
    }
}
