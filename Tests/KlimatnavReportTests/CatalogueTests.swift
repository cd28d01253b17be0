import KlimatnavCore
import Testing

@testable import KlimatnavReport

@Suite struct CatalogueTests {
    @Test func everyKeyHasBothLanguages() {
        for key in Catalogue.Key.allCases {
            let entry = Catalogue.entry(key)
            #expect(!entry.sv.isEmpty, "\(key) has no Swedish text")
            #expect(!entry.en.isEmpty, "\(key) has no English text")
            // Placeholders agree between the languages.
            for index in 0..<5 {
                #expect(entry.sv.contains("{\(index)}") == entry.en.contains("{\(index)}"), "\(key) placeholder {\(index)}")
            }
        }
    }

    @Test func swedishGenitiveOfANameEndingInS() {
        let sv = Catalogue(.sv)
        #expect(sv.format(.gapSentenceDefinition, "Borås", "x").hasPrefix("Borås mål"))
        #expect(sv.format(.gapSentenceDefinition, "Lund", "x").hasPrefix("Lunds mål"))
        #expect(Catalogue(.en).format(.gapSentenceDefinition, "Borås", "x").hasPrefix("Borås's goal"))
    }

    @Test func swedishDecimalComma() {
        let sv = Catalogue(.sv), en = Catalogue(.en)
        #expect(sv.percent(11.72) == "11,72\u{00A0}%")
        #expect(en.percent(11.72) == "11.72%")
        #expect(sv.tonnes(1.5) == "1,5\u{00A0}t")
        #expect(en.tonnes(1.5) == "1.5\u{00A0}t")
        #expect(sv.rate(7) == "7\u{00A0}%/år")
        #expect(sv.cut(80) == "\u{2212}80\u{00A0}%")
        #expect(sv.number(19_000_000, decimals: 0) == "19\u{00A0}000\u{00A0}000")
        #expect(en.number(19_000_000, decimals: 0) == "19,000,000")
        #expect(sv.number(2045, decimals: 0) == "2045")
        #expect(sv.number(0.05) == "0,05")
        #expect(sv.number(9.999, decimals: 2) == "10")
    }

    @Test func labelsAreTranslated() {
        let sv = Catalogue(.sv)
        #expect(sv.goalWord(.fossilFree) == "fossilfritt")
        #expect(sv.section(.regionalHub) == "kommunen som regionalt innovationsnav")
        #expect(sv.barrierStatus(.assigned) == "tilldelat")
        #expect(sv.list(["Lund", "Malmö", "Umeå"]) == "Lund, Malmö och Umeå")
        #expect(sv.days(1) == "1 dag")
        #expect(Catalogue(.en).days(3) == "3 days")
    }
}
