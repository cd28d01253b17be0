import Foundation
import Hummingbird
import HummingbirdTesting
import KlimatnavDashboard
import KlimatnavReport
import Testing

/// The frame every page shares (landmarks, skip link, the statement in the footer), the
/// statement pages and the counties page (the browser test runs axe-core on all of them).
@Suite("Dashboard accessibility", .timeLimit(.minutes(5)))
struct DashboardAccessibilityTests {
    /// The fixture's dashboard, as the server tests serve it.
    func withApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await DashboardServerTests().withApp(body)
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
        try await DashboardServerTests().get(client, uri)
    }

    @Test("every page has the skip link, the landmarks, one h1 and the statement in its footer")
    func frame() async throws {
        try await withApp { client in
            for path in [
                "/", "/goals", "/gaps", "/barriers", "/parties", "/parties/goteborg", "/counties", "/revisions", "/tillganglighet",
                "/accessibility",
            ] {
                for language in Language.allCases {
                    let (status, html) = try await get(client, "\(path)?lang=\(language.rawValue)")
                    let c = Catalogue(language)
                    #expect(status == .ok, "\(path)")
                    #expect(html.contains("<html lang=\"\(language.rawValue)\">"), "\(path)")
                    #expect(html.contains("<a class=\"skip\" href=\"#main\">\(c[.skipToContent])</a>"), "\(path)")
                    #expect(html.contains("<main id=\"main\""), "\(path)")
                    #expect(html.contains("<nav aria-label="), "\(path)")
                    #expect(html.components(separatedBy: "<h1").count == 2, "\(path): one h1")
                    let statement = AccessibilityStatement.path(language)
                    #expect(
                        html.contains(
                            "<a id=\"statement-link\" href=\"\(statement)?lang=\(language.rawValue)\">\(c[.accessibilityLink])</a>"),
                        "\(path)")
                }
            }
        }
    }

    @Test("/tillganglighet is Swedish and /accessibility English unless ?lang says otherwise")
    func statementPages() async throws {
        try await withApp { client in
            let sv = try await get(client, "/tillganglighet")
            #expect(sv.html.contains("<html lang=\"sv\">") && sv.html.contains("<h1>Tillgänglighetsredogörelse</h1>"))
            #expect(sv.html.contains("DOS-lagen") && sv.html.contains("WCAG 2.1"))
            let en = try await get(client, "/accessibility")
            #expect(en.html.contains("<html lang=\"en\">") && en.html.contains("<h1>Accessibility statement</h1>"))
            let switched = try await get(client, "/accessibility?lang=sv")
            #expect(switched.html.contains("<html lang=\"sv\">"))
        }
    }

    @Test("without inventories the counties page says so and draws nothing")
    func countiesWithoutInventories() async throws {
        try await withApp { client in
            let page = try await get(client, "/counties?lang=en")
            #expect(page.status == .ok)
            #expect(page.html.contains(HTML.escape(Catalogue(.en)[.countiesNone])))
            #expect(!page.html.contains("<svg"))
            let party = try await get(client, "/parties/goteborg?lang=en")
            #expect(party.html.contains("<h1>Göteborg"))
            #expect(party.html.contains(HTML.escape(Catalogue(.en).format(.emissionsNone, "Göteborg"))))
        }
    }
}
