import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavStore

/// The stored JSON is still what `JSONEncoder` wrote before the canonical writer replaced it.
@Suite struct JSONCodingTests {
    @Test func storedJSONIsJSONEncoderOutput() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let goal = Goal(
            id: "lund/2030", party: "lund", scopes: [1, 2], word: .climateNeutral, reductionPercent: 72.5,
            perCapitaTonnes: 1e-5, basis: .absolute, targetYear: 2030, text: "Netto-noll \"2030\"\n\u{1}")
        let party = Party(id: "lund", kind: .municipality, level: .local, name: "Lund", population: 125_000)
        let gap = Gap(id: "g", kind: .ambitionGap, parties: ["lund"], levels: [.local], topic: "t", summary: "s/ä", evidence: [])
        #expect(try JSONCoding.string(goal) == String(decoding: encoder.encode(goal), as: UTF8.self))
        #expect(try JSONCoding.string(party) == String(decoding: encoder.encode(party), as: UTF8.self))
        #expect(try JSONCoding.string([gap]) == String(decoding: encoder.encode([gap]), as: UTF8.self))
        #expect(try JSONCoding.decode(Goal.self, from: JSONCoding.string(goal)) == goal)
    }
}
