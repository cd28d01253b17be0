import Testing

@testable import KlimatnavWire

/// The scanner's fast paths (strings without escapes, duplicate keys in small objects) agree
/// with its general ones, and its limits name the first path in document order.
@Suite struct JSONScannerTests {
    private func scan(_ text: String, topArrayLimit: Int = WireLimits.maxArrayCount) throws(WireError) -> JSONIndex {
        try JSONScanner.scan(Array(text.utf8), topArrayLimit: topArrayLimit)
    }

    @Test func stringsWithAndWithoutEscapes() throws {
        let index = try scan(#"{"a":["plain å","a\"b\\c\/d\n\u00e5\ud83d\ude00",""]}"#)
        #expect(index.tokens[2].kind == .array && index.tokens[2].count == 3)
        #expect([3, 4, 5].map(index.string) == ["plain å", "a\"b\\c/d\nå😀", ""])
        #expect(throws: WireError.self) { try scan("{\"a\":[\"tab\there\"]}") }
        #expect(throws: WireError.self) { try scan(#"{"a":["unterminated"#) }
    }

    @Test(arguments: [2, 31, 32, 33, 40, 100])
    func duplicateKeysInObjectsOfAnySize(_ count: Int) throws {
        let members = (0..<count).map { "\"k\($0)\":\($0)" }
        #expect(throws: Never.self) { try scan("{" + members.joined(separator: ",") + "}") }
        let duplicated = members + ["\"k\(count / 2)\":0"]
        #expect {
            try scan("{" + duplicated.joined(separator: ",") + "}")
        } throws: { error in
            (error as? WireError)?.code == .badJSON && (error as? WireError)?.message.contains("duplicate key \"k\(count / 2)\"") == true
        }
    }

    @Test func limitsNameTheFirstPathInDocumentOrder() throws {
        let long = String(repeating: "x", count: WireLimits.maxStringBytes + 1)
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.a[1].c")) {
            try scan("{\"a\":[{\"b\":\"ok\"},{\"c\":\"\(long)\"}],\"d\":\"\(long)\"}")
        }
        let many = "{\"a\":[" + Array(repeating: "1", count: 2000).joined(separator: ",") + "]}"
        #expect(throws: Never.self) { try scan(many, topArrayLimit: 5000) }
        #expect(throws: WireError(.fieldTooLarge, "", frame: 3, path: "body.a")) { try scan(many) }
    }
}
