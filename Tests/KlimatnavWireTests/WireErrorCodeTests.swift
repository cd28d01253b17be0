import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The error codes against the table in `Protocols/klimatnav-wire-v1.md` ("Error codes").
@Suite struct WireErrorCodeTests {
    /// The spec's table rows: token -> number.
    func specTable() throws -> [String: Int] {
        let spec = try String(contentsOf: Fixtures.protocolsDirectory.appendingPathComponent("klimatnav-wire-v1.md"), encoding: .utf8)
        var table: [String: Int] = [:]
        for match in spec.matches(of: /\n\| `([a-z0-9-]+)` \| ([0-9]{3}) \|/) {
            table[String(match.1)] = Int(match.2)
        }
        return table
    }

    @Test func everyCodeHasTheTokenAndNumberOfTheSpecsTable() throws {
        let table = try specTable()
        #expect(table.count == WireError.Code.allCases.count, "the spec lists \(table.count) codes")
        for code in WireError.Code.allCases {
            #expect(table[code.rawValue] == code.number, "\(code.rawValue)")
        }
    }

    @Test func everyStateErrorBecomesTheWireCodeWithItsToken() {
        for code in StateError.Code.allCases {
            let error = WireError(StateError(code, "why"))
            #expect(error.code.rawValue == code.rawValue)
            #expect(error.message == "why")
        }
    }
}
