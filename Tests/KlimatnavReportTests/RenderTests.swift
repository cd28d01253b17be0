import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

@testable import KlimatnavReport

@Suite struct RenderTests {
    @Test func chartIsWellFormedWithOnePathPerMunicipality() throws {
        let model = try Support.seedModel()
        for language in Language.allCases {
            let svg = TrajectoryChart(model: model).svg(Catalogue(language))
            let xml = try #require(XMLCollector.parse(svg), "SVG is not well-formed XML")
            let trajectories = xml.elements.filter { $0.name == "path" && $0.attributes["class"] == "trajectory" }
            #expect(trajectories.count == model.municipalities.count)
            #expect(Set(trajectories.compactMap { $0.attributes["data-party"] }) == Set(model.municipalities.map(\.id.rawValue)))
            // Carbon Law and Klimatkollen curves, the fair-share band, Sweden 2045 and EU 2050.
            #expect(xml.elements.filter { $0.attributes["class"] == "reference" }.count == 2)
            #expect(xml.elements.contains { $0.attributes["class"] == "band" })
            #expect(xml.elements.filter { $0.attributes["class"] == "netzero" }.count == 2)
        }
        let sv = TrajectoryChart(model: model).svg(Catalogue(.sv))
        #expect(sv.contains("Klimatkollen 11,72\u{00A0}%/år"))
        #expect(sv.contains("Sverige netto-noll 2045"))
    }

    @Test func htmlEscapesEverything() throws {
        var model = try Support.seedModel()
        let evil = "<script>alert('x')</script> & \"quotes\""
        model.state.parties["lund"]?.name = evil
        model.state.goals["lund.minus-80-2030"]?.text = evil
        let html = HTMLReport(model: model, language: .sv).render()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(HTML.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        let markdown = MarkdownReport(model: model, language: .en).render()
        #expect(!markdown.contains("<script>"))
        // The chart inside the HTML stays well-formed with the hostile name.
        let svg = TrajectoryChart(model: model).svg(Catalogue(.en))
        #expect(XMLCollector.parse(svg) != nil)
    }

    @Test func swedishReportIsSwedish() throws {
        let model = try Support.seedModel()
        let html = HTMLReport(model: model, language: .sv).render()
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(html.contains("Jämförelse av klimatmål"))
        #expect(html.contains("Öppna glapp"))
        #expect(html.contains("Regelhinder"))
        #expect(html.contains("kommunen som regionalt innovationsnav"))
        // Gaps get a Swedish sentence; the engine's English text stays out of the Swedish page,
        // and the parties' texts are Swedish (nothing marked as English).
        #expect(html.contains("Malmös kontrakt saknar avsnitt 3.7 om att vara regionalt innovationsnav."))
        #expect(!html.contains("Samma iakttagelse som analysmotorn formulerar den (på engelska)"))
        #expect(!html.contains("<span lang=\"en\">"))
        #expect(html.contains("Systemgränsen för energi dras vid en enskild byggnad"))
        // Self-contained: no scripts, no external resources.
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        let english = HTMLReport(model: model, language: .en).render()
        #expect(english.contains("Comparison of climate goals"))
        #expect(english.contains("Malmö&#39;s contract has no section 3.7"))
    }

    @Test func partyPageShowsSectionsMissingAndGaps() throws {
        let model = try Support.seedModel()
        let page = try #require(HTMLReport(model: model, language: .en).partyPage("enkoping"))
        #expect(page.contains("3.8 reporting and follow-up"))
        #expect(page.contains("What is missing"))
        #expect(page.contains("heading, nothing described"))
        #expect(page.contains("reporting-gap:enkoping:3.8"))
        #expect(HTMLReport.missingSections(of: "enkoping", in: model.state).contains { $0.0 == .reporting })
    }
}
