import Testing

@testable import KlimatnavWire

/// The parser's fast paths (strings without escapes, duplicate keys in small objects) agree
/// with its general ones.
@Suite struct StrictJSONParserTests {
    private func parse(_ text: String) throws(WireError) -> JSONValue { try StrictJSONParser.parse(Array(text.utf8)) }

    @Test func stringsWithAndWithoutEscapes() throws {
        #expect(
            try parse(#"["plain å","a\"b\\c\/d\n\u00e5\ud83d\ude00",""]"#)
                == .array([.string("plain å"), .string("a\"b\\c/d\nå😀"), .string("")]))
        #expect(throws: WireError.self) { try parse("[\"tab\there\"]") }
        #expect(throws: WireError.self) { try parse(#"["unterminated"#) }
    }

    @Test(arguments: [2, 31, 32, 33, 40, 100])
    func duplicateKeysInObjectsOfAnySize(_ count: Int) throws {
        let members = (0..<count).map { "\"k\($0)\":\($0)" }
        #expect(throws: Never.self) { try parse("{" + members.joined(separator: ",") + "}") }
        let duplicated = members + ["\"k\(count / 2)\":0"]
        #expect {
            try parse("{" + duplicated.joined(separator: ",") + "}")
        } throws: { error in
            (error as? WireError)?.code == .badJSON && (error as? WireError)?.message.contains("duplicate key \"k\(count / 2)\"") == true
        }
    }

    @Test func limitsNameTheFirstPathInDocumentOrder() throws {
        let long = String(repeating: "x", count: WireLimits.maxStringBytes + 1)
        let tree = try parse("{\"a\":[{\"b\":\"ok\"},{\"c\":\"\(long)\"}],\"d\":\"\(long)\"}")
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.a[1].c")) { try tree.checkLimits() }
        let many = try parse("{\"a\":[" + Array(repeating: "1", count: 2000).joined(separator: ",") + "]}")
        #expect(throws: Never.self) { try many.checkLimits(topArrayLimit: 5000) }
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.a")) { try many.checkLimits() }
    }
}
