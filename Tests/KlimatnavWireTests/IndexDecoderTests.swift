import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The indexed decoder: strict types with paths, nulls, unknown fields at any depth, and the
/// values `JSONDecoder` special-cases.
@Suite struct IndexDecoderTests {
    /// `T` from a body, as ``WireCodec`` decodes one (index, decode, unread members).
    private static func decode<T: Decodable>(
        _ type: T.Type, _ text: some Collection<UInt8>, eventName: String? = nil
    ) throws(WireError) -> T {
        try IndexDecoder.decodeBody(T.self, from: Array(text), eventName: eventName)
    }

    private func error(_ type: String, _ body: String) -> WireError? {
        do {
            _ = try WireCodec.decode(frames: Samples.frames(type, body))
            return nil
        } catch {
            return error
        }
    }

    private let goalBody =
        #"{"area":"municipality","basis":"unstated","id":"g","orientation":"geographic","party":"lund","status":"adopted","text":"t"}"#

    private func goal(adding member: String) -> String { String(goalBody.dropLast()) + "," + member + "}" }

    /// A decode, successful or not, lets go of its state (the index and the marks): nothing
    /// keeps a decoded body in memory (a hub once leaked its whole input that way).
    @Test func aDecodeLetsGoOfItsState() throws {
        weak var kept: IndexReadState?
        weak var dropped: IndexReadState?
        do {
            let state = IndexReadState(try JSONScanner.scan(Array(goalBody.utf8)), userInfo: [:])
            kept = state
            _ = try IndexDecoder(state).decode(Goal.self, at: 0, path: [])
            try state.finish()
            let failing = IndexReadState(try JSONScanner.scan(Array(goal(adding: #""extra":1"#).utf8)), userInfo: [:])
            dropped = failing
            _ = try IndexDecoder(failing).decode(Goal.self, at: 0, path: [])
            #expect(throws: WireError.self) { try failing.finish() }
        }
        #expect(kept == nil && dropped == nil, "nothing keeps a finished decode alive")
    }

    @Test func unknownFieldsAtDepthNameTheirPath() {
        #expect(
            error("DELTA", #"{"event":"goal.withdraw","body":{"goal":"g","party":"lund","extra":1}}"#)
                == WireError(.unknownField, "", frame: 3, path: "body.body.extra"))
        let snapshot =
            #"{"events":[{"event":"revision","body":{"id":"1","date":"2021-01-01"}},{"event":"revision","body":{"id":"2","date":"2021-01-01","x":[1]}}],"gaps":[]}"#
        #expect(error("SNAPSHOT", snapshot) == WireError(.unknownField, "", frame: 3, path: "body.events[1].body.x"))
        let gap =
            #"{"events":[],"gaps":[{"id":"g","kind":"ambition-gap","parties":[],"levels":[],"topic":"t","summary":"s","evidence":[],"why":"?"}]}"#
        #expect(error("SNAPSHOT", gap) == WireError(.unknownField, "", frame: 3, path: "body.gaps[0].why"))
    }

    @Test func theFirstUnknownFieldInDocumentOrderIsReported() {
        // `by` is read first by Delta, but `aaa` comes first in the document.
        let body = #"{"aaa":1,"event":"goal.withdraw","body":{"goal":"g","party":"lund","zz":2},"by":"lund","zzz":3}"#
        #expect(error("DELTA", body) == WireError(.unknownField, "", frame: 3, path: "body.aaa"))
        let nested = #"{"event":"goal.withdraw","body":{"goal":"g","party":"lund","zz":2},"by":"lund","zzz":3}"#
        #expect(error("DELTA", nested) == WireError(.unknownField, "", frame: 3, path: "body.body.zz"))
    }

    @Test func typeErrorsComeBeforeUnknownFields() {
        #expect(error("goal", goal(adding: #""aaa":1,"targetYear":"x""#)) == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
    }

    @Test(arguments: ["1.5", "1e3", "2030.0", "2030E0", "-1.0e2"])
    func integerFieldsTakeOnlyIntegerLiterals(_ literal: String) {
        let err = error("goal", goal(adding: "\"targetYear\":\(literal)"))
        #expect(err == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
        #expect(err?.message == "expected integer, found number \(literal)")
        #expect(error("goal", goal(adding: "\"scopes\":[1,\(literal)]")) == WireError(.wrongType, "", frame: 3, path: "body.scopes[1]"))
    }

    /// Section 4: an integer field's value MUST fit in 64 bits; beyond is a value out of range.
    @Test func integersOutOfRangeAreInvalidValues() throws {
        #expect(
            error("goal", goal(adding: #""targetYear":9223372036854775808"#))
                == WireError(.invalidValue, "", frame: 3, path: "body.targetYear"))
        #expect(
            error("ACK", #"{"stateSequence":18446744073709551616}"#) == WireError(.invalidValue, "", frame: 3, path: "body.stateSequence"))
        #expect(error("ACK", #"{"stateSequence":-1}"#) == WireError(.invalidValue, "", frame: 3, path: "body.stateSequence"))
        let max = try WireCodec.decode(frames: Samples.frames("ACK", #"{"stateSequence":18446744073709551615}"#))
        #expect(max == .ack(Ack(sequence: 1, stateSequence: .max)))
        let minusZero = try WireCodec.decode(frames: Samples.frames("goal", goal(adding: #""targetYear":-0"#)))
        guard case .domain(let domain) = minusZero, case .goalAsserted(let parsed) = domain.event else {
            Issue.record("not a goal"); return
        }
        #expect(parsed.targetYear == 0)
    }

    @Test func nullsAreRefused() {
        #expect(error("goal", goal(adding: #""targetYear":null"#)) == WireError(.wrongType, "", frame: 3, path: "body.targetYear"))
        #expect(error("goal", goal(adding: #""targetYear":null"#))?.message == "found null; omit an optional field instead")
        #expect(
            error("goal", goalBody.replacingOccurrences(of: #""text":"t""#, with: #""text":null"#))
                == WireError(.wrongType, "", frame: 3, path: "body.text"))
        #expect(error("goal", goal(adding: #""scopes":[1,null]"#)) == WireError(.wrongType, "", frame: 3, path: "body.scopes[1]"))
        #expect(error("DELTA", #"{"event":"goal","body":null}"#) == WireError(.wrongType, "", frame: 3, path: "body.body"))
        #expect(error("DELTA", #"{"event":"lab.close","body":{"lab":"x"},"by":null}"#)?.code == .unknownValue)
        #expect(
            error("DELTA", #"{"event":"policy-lab.close","body":{"lab":"x"},"by":null}"#)
                == WireError(.wrongType, "", frame: 3, path: "body.by"))
    }

    @Test func missingFieldsAtDepth() {
        #expect(
            error("DELTA", #"{"event":"goal.withdraw","body":{"goal":"g"}}"#)
                == WireError(.missingField, "", frame: 3, path: "body.body.party"))
        #expect(error("DELTA", #"{"event":"goal.withdraw"}"#) == WireError(.missingField, "", frame: 3, path: "body.body"))
        #expect(
            error("roadmap.milestone", #"{"roadmap":"r","milestone":{"year":2030}}"#)
                == WireError(.missingField, "", frame: 3, path: "body.milestone.text"))
    }

    @Test func wrongTypesSayWhatWasFound() {
        let err = error("goal", goal(adding: #""scopes":{"a":1}"#))
        #expect(err == WireError(.wrongType, "", frame: 3, path: "body.scopes"))
        #expect(err?.message == "expected array, found object")
        #expect(error("goal", goal(adding: #""reductionPercent":"5""#))?.message == "expected number, found string")
        #expect(error("goal", goal(adding: #""carbonStoragePlan":1"#))?.message == "expected boolean, found integer 1")
        #expect(error("DELTA", #"{"event":"goal","body":[]}"#) == WireError(.wrongType, "", frame: 3, path: "body.body"))
    }

    @Test func doublesDecodeFromTheirLiteral() throws {
        var rng = MutationTests.SplitMix64(state: 77)
        var values: [Double] = [0, -0.0, 0.5, 1e-5, 1e22, 123.456, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1.0 / 3]
        for _ in 0..<500 { values.append(Double(bitPattern: rng.next())) }
        for value in values where value.isFinite {
            var goal = Samples.goal
            goal.reductionPercent = value
            let message = WireMessage.domain(DomainMessage(sequence: 1, event: .goalAsserted(goal)))
            let decoded = try WireCodec.decode(frames: WireCodec.encode(message))
            guard case .domain(let domain) = decoded, case .goalAsserted(let back) = domain.event else {
                Issue.record("not a goal"); return
            }
            #expect(back.reductionPercent?.bitPattern == value.bitPattern)
        }
        let literal = try Self.decode([String: [Double]].self, #"{"a":[1,1e3,-2.5E-3,0.1]}"#.utf8)
        #expect(literal == ["a": [1, 1000, -0.0025, 0.1]])
    }

    /// A type that reads its members in the ways `Codable` code can.
    struct Shapes: Codable, Equatable {
        var data: Data
        var url: URL
        var date: Date
        var matrix: [[Int]]
        var name: String
        var flag: Bool
        var small: Int8
        var values: [String: Double]

        init(data: Data, url: URL, date: Date, matrix: [[Int]], name: String, flag: Bool, small: Int8, values: [String: Double]) {
            (self.data, self.url, self.date, self.matrix, self.name, self.flag, self.small, self.values) =
                (data, url, date, matrix, name, flag, small, values)
        }

        enum Keys: String, CodingKey { case data, url, date, matrix, nested, name, flag, small, values }
        enum NestedKeys: String, CodingKey { case name, flag }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            data = try container.decode(Data.self, forKey: .data)
            url = try container.decode(URL.self, forKey: .url)
            date = try container.decode(Date.self, forKey: .date)
            var rows = try container.nestedUnkeyedContainer(forKey: .matrix)
            matrix = []
            while !rows.isAtEnd {
                var row = try rows.nestedUnkeyedContainer()
                var items: [Int] = []
                while !row.isAtEnd { items.append(try row.decode(Int.self)) }
                matrix.append(items)
            }
            let nested = try container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
            name = try nested.decode(String.self, forKey: .name)
            flag = try nested.decode(Bool.self, forKey: .flag)
            small = try Int8(from: container.superDecoder(forKey: .small))
            values = try container.decode([String: Double].self, forKey: .values)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(data, forKey: .data)
            try container.encode(url, forKey: .url)
            try container.encode(date, forKey: .date)
            try container.encode(matrix, forKey: .matrix)
            var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
            try nested.encode(name, forKey: .name)
            try nested.encode(flag, forKey: .flag)
            try small.encode(to: container.superEncoder(forKey: .small))
            try container.encode(values, forKey: .values)
        }
    }

    static let shapes = Shapes(
        data: Data([0, 1, 2, 250, 255]), url: URL(string: "https://example.org/a/b?c=d")!,
        date: Date(timeIntervalSinceReferenceDate: 12345.5), matrix: [[1, 2], [], [3]], name: "n/ä\"\n",
        flag: true, small: -8, values: ["b": 0.25, "a": 1e-7, "B": -3])

    @Test func decodesWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = try encoder.encode(Self.shapes)
        #expect(try Self.decode(Shapes.self, text) == Self.shapes)
        #expect(try JSONDecoder().decode(Shapes.self, from: text) == Self.shapes)
    }

    @Test func nestedContainersCountAsReading() throws {
        let text = #"{"data":"","url":"x","date":0,"matrix":[[1]],"nested":{"name":"n","flag":false,"other":1},"small":1,"values":{}}"#
        #expect(throws: WireError(.unknownField, "", frame: 3, path: "body.nested.other")) {
            try Self.decode(Shapes.self, text.utf8)
        }
        let small = text.replacingOccurrences(of: #""small":1"#, with: #""small":1000"#)
        #expect(throws: WireError(.invalidValue, "", frame: 3, path: "body.small")) {
            try Self.decode(Shapes.self, small.utf8)
        }
    }

    /// Reads the user info and reports its coding paths.
    struct Probe: Decodable {
        var paths: [String]
        enum Keys: String, CodingKey { case a }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            var items = try container.nestedUnkeyedContainer(forKey: .a)
            let inner = try items.superDecoder()
            paths = [
                decoder.userInfo[BodyCoder.eventNameKey] as? String ?? "-",
                container.codingPath.wirePath(), items.codingPath.wirePath(), inner.codingPath.wirePath(),
            ]
            #expect(try inner.singleValueContainer().decode(String.self) == "x")
        }
    }

    @Test func userInfoAndCodingPaths() throws {
        let probe = try Self.decode(Probe.self, #"{"a":["x"]}"#.utf8, eventName: "goal")
        #expect(probe.paths == ["goal", "body", "body.a", "body.a[0]"])
    }
}
