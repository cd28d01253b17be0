import Foundation
import Hummingbird
import HummingbirdTesting
import KlimatnavCore
import KlimatnavDashboard
import KlimatnavReport
import KlimatnavStore
import KlimatnavWire
import Logging
import Testing
import Yams
import ZeroMQ

@Suite("Dashboard server", .timeLimit(.minutes(5)))
struct DashboardServerTests {
    func withApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try await DashboardFixture()
        defer { fixture.remove() }
        // Opened as `klimatnav serve` opens it: read-only.
        let dashboard = Dashboard(store: try fixture.readOnlyStore(), feed: LiveFeed())
        let app = Application(router: dashboard.router())
        try await app.test(.router, body)
    }

    @Test("every page answers 200 with HTML in Swedish and English")
    func pages() async throws {
        try await withApp { client in
            for path in [
                "/", "/goals", "/gaps", "/gaps?kind=ambition-gap&lang=en", "/barriers", "/parties", "/parties/goteborg", "/revisions",
                "/revisions?from=2021&to=2022&lang=en",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                }
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Open gaps by kind"))
                #expect(html.contains("id=\"count-open\">2<"))
                #expect(html.contains("id=\"count-ambition-gap\">1<"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Öppna glapp per typ"))
                #expect(html.contains("id=\"count-resolved\">1<"))
            }
            try await client.execute(uri: "/parties/nobody", method: .get) { #expect($0.status == .notFound) }
        }
    }

    /// The body of `uri` as text, with its status.
    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    @Test("the pages are the report's views: goal table, trajectory chart, party section, barriers")
    func reportViews() async throws {
        try await withApp { client in
            let goals = try await get(client, "/goals?lang=en").html
            #expect(goals.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trajectories\""))
            #expect(goals.contains("Comparison of climate goals"))
            // The chart comes before the table.
            let chart = try #require(goals.range(of: "class=\"trajectories\""))
            let table = try #require(goals.range(of: "<table class=\"goals\""))
            #expect(chart.lowerBound < table.lowerBound)

            let party = try await get(client, "/parties/goteborg").html
            for text in ["id=\"party-goteborg\"", "Kontraktets avsnitt 3.1–3.8", "Det som saknas"] { #expect(party.contains(text)) }

            let barriers = try await get(client, "/barriers?lang=en").html
            for text in [
                "data-barrier=\"energy-system-boundary\"", "<code>lab.energy-sharing</code>",
                "<a href=\"/parties/goteborg?lang=en\">Göteborg</a>",
            ] {
                #expect(barriers.contains(text))
            }
        }
    }

    @Test("/revisions lists the closed contract revisions and shows what changed between two")
    func revisionsPage() async throws {
        try await withApp { client in
            let html = try await get(client, "/revisions?from=2021&to=2022&lang=en").html
            for text in [
                "data-revision=\"2021\"", "First contracts", "Changes from revision 2021 to revision 2022",
                "data-code=\"goal-changed\">goal changed: -95% vs 1990 2030 [goteborg.minus-90-2030] (-90% vs 1990 → -95% vs 1990)",
                "data-code=\"barrier-reported\"",
                "<li data-gap=\"governance-gap:energy-system-boundary:national\">",  // opened
                "<li data-gap=\"reporting-gap:goteborg:3.8\">",  // closed
            ] {
                #expect(html.contains(text))
            }
            // Without from/to: the last two.
            let swedish = try await get(client, "/revisions").html
            #expect(swedish.contains("Ändringar från revision 2021 till revision 2022"))
            // The coordinator's title in the page's language.
            #expect(swedish.contains("Första kontrakten") && !swedish.contains("First contracts"))
            #expect(!html.contains("Första kontrakten"))
            let unknown = try await get(client, "/revisions?from=1999&to=2022&lang=en")
            #expect(unknown.status == .notFound)
            #expect(unknown.html.contains("There is no revision 1999. Closed revisions: 2021, 2022."))
        }
    }

    @Test("serving writes nothing: the database files are byte for byte the same after every route")
    func servingWritesNothing() async throws {
        let fixture = try await DashboardFixture()
        defer { fixture.remove() }
        let files = [fixture.store.path, fixture.store.path + "-wal"]
        func contents() -> [Data?] { files.map { FileManager.default.contents(atPath: $0) } }
        let before = contents()
        let store = try fixture.readOnlyStore()
        #expect(store.isReadOnly)
        let app = Application(router: Dashboard(store: store, feed: LiveFeed()).router())
        try await app.test(.router) { client in
            for path in ["/", "/goals", "/gaps?resolved=1", "/barriers", "/parties", "/parties/lund", "/revisions"] + Dashboard.apiPaths {
                try await client.execute(uri: path, method: .get) { #expect($0.status == .ok, "\(path)") }
            }
        }
        #expect(contents() == before)
    }

    @Test("the gaps page shows evidence, recommendation and age, filtered by party, kind and level")
    func gapsPage() async throws {
        try await withApp { client in
            try await client.execute(uri: "/gaps?party=lund&lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"gap-ambition-gap:lund.near-zero-2050\""))
                #expect(!html.contains("id=\"gap-governance-gap:energy-system-boundary:national\""))
                #expect(html.contains("goal:sweden.net-zero-2045"))
                #expect(html.contains("Raise it at the next contract revision."))
                #expect(html.contains(" days<"))
                #expect(html.contains("A goal is later or lower than the level above"))  // the kind's explanation
                #expect(!html.contains("(in English)"))
            }
            // Swedish: the kind explained in Swedish; a recommendation that exists only in English
            // (no recommendationSv) marked as English; the engine's English text left out.
            try await client.execute(uri: "/gaps?party=lund&kind=ambition-gap", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Ett mål ligger senare eller lägre än nivån ovanför"))
                #expect(
                    html.contains(
                        "<span lang=\"en\">Raise it at the next contract revision.</span> <span class=\"muted lang-note\">(på engelska)</span>"
                    ))
                #expect(!html.contains("&quot;late&quot;"))  // the engine's English text stays out of the Swedish page
                #expect(html.contains(" dagar<"))
            }
            try await client.execute(uri: "/gaps?level=national&kind=governance-gap", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"gap-governance-gap:energy-system-boundary:national\""))
                #expect(!html.contains("id=\"gap-ambition-gap"))
            }
            try await client.execute(uri: "/gaps?resolved=1", method: .get) { response in
                #expect(String(buffer: response.body).contains("id=\"gap-reporting-gap:goteborg:3.8\" data-status=\"resolved\""))
            }
        }
    }

    @Test("/api/gaps has exactly the keys of `klimatnav gaps --format json`")
    func gapsJSON() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/gaps", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(rows.count == 2)
                let keys = [
                    "id", "kind", "parties", "levels", "topic", "summary", "evidence", "recommendation", "recommendationSv", "status",
                    "openedAt", "resolvedAt", "followUp",
                ]
                for row in rows { #expect(Set(row.keys) == Set(keys)) }
                let governance = try #require(rows.first { $0["kind"] as? String == "governance-gap" })
                #expect(governance["recommendation"] is NSNull)
                #expect(governance["resolvedAt"] is NSNull)
                #expect(governance["openedAt"] as? String == "2023-11-14T22:13:20Z")
            }
            try await client.execute(uri: "/api/gaps?resolved=1&party=goteborg", method: .get) { response in
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(
                    rows.map { $0["id"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == [
                        "governance-gap:energy-system-boundary:national", "reporting-gap:goteborg:3.8",
                    ])
                #expect(rows.first { $0["status"] as? String == "resolved" }?["resolvedAt"] as? String == "2023-11-15T22:13:20Z")
            }
        }
    }

    @Test("the other API answers: parties, goals, barriers with policy labs, revisions, summary")
    func otherAPI() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/parties", method: .get) { response in
                let rows = try JSONDecoder().decode([API.PartyRow].self, from: Data(buffer: response.body))
                #expect(rows.map(\.id) == ["energimyndigheten", "goteborg", "lund", "viable-cities"])
                #expect(rows.first { $0.id == "goteborg" }?.openGaps == 1)
            }
            try await client.execute(uri: "/api/goals?party=goteborg", method: .get) { response in
                let rows = try JSONDecoder().decode([API.GoalRow].self, from: Data(buffer: response.body))
                #expect(rows.count == 1)
                #expect(rows.first?.reductionPercent == 95)  // the later statement wins
                #expect(rows.first?.form == "percent-cut")
            }
            try await client.execute(uri: "/api/barriers", method: .get) { response in
                let rows = try JSONDecoder().decode([API.BarrierRow].self, from: Data(buffer: response.body))
                #expect(rows.first?.policyLabs.map(\.id) == ["lab.energy-sharing"])
            }
            try await client.execute(uri: "/api/revisions", method: .get) { response in
                let rows = try JSONDecoder().decode([API.RevisionRow].self, from: Data(buffer: response.body))
                #expect(rows.map(\.id) == ["2021", "2022"])
                #expect(rows.first?.title == "Första kontrakten" && rows.last?.title == nil)
                #expect(rows.first?.titleEn == "First contracts" && rows.last?.titleEn == nil)
                #expect(rows.first?.date == "2021-10-01")
                #expect(rows.first?.closedAt == "2021-10-01T00:00:00Z")
                #expect(rows.map(\.openGaps) == [2, 2])
                #expect(rows.last?.openGapsByKind["governance-gap"] == 1 && rows.last?.openGapsByKind["reporting-gap"] == 0)
                #expect(rows.allSatisfy { $0.messageId != nil })
                let objects = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(objects.last?["title"] is NSNull)
                #expect(objects.last?.keys.contains("titleEn") == false)
            }
            try await client.execute(uri: "/api/summary", method: .get) { response in
                let summary = try JSONDecoder().decode(API.Summary.self, from: Data(buffer: response.body))
                #expect(summary.openGaps == 2 && summary.resolvedGaps == 1)
                #expect(summary.byKind["governance-gap"] == 1 && summary.byKind["reporting-gap"] == 0)
                #expect(summary.revisions == 2)
            }
        }
    }

    @Test("CSV export: RFC 4180 quoting, the CLI's columns, filters apply")
    func csv() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/gaps.csv?kind=ambition-gap", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(
                    lines[0]
                        == "id,kind,status,parties,levels,topic,summary,evidence,recommendation,openedAt,resolvedAt,recommendationSv,followUp,assignee,role,due,dismissReason"
                )
                #expect(lines.count == 3 && lines[2].isEmpty)
                #expect(lines[1].hasPrefix("ambition-gap:lund.near-zero-2050,ambition-gap,open,lund,local national,"))
                #expect(lines[1].contains("\"Lund aims at near zero by 2050, after Sweden's 2045 (a \"\"late\"\" goal, with commas).\""))
            }
        }
    }

    @Test("read-only: no mutating method is served; no file or database is reachable")
    func readOnly() async throws {
        try await withApp { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                try await client.execute(uri: "/api/gaps", method: method) { #expect($0.status == .methodNotAllowed) }
            }
            for path in ["/hub.db", "/../hub.db", "/api/../../etc/passwd", "/Package.swift", "/static/x"] {
                try await client.execute(uri: path, method: .get) { #expect($0.status == .notFound, "\(path)") }
            }
        }
    }

    @Test("binding: loopback only unless --public; HOST:PORT parsing")
    func loopback() throws {
        #expect(try BindAddressCheck.parse("127.0.0.1:8080") == ("127.0.0.1", 8080))
        #expect(try BindAddressCheck.parse("[::1]:9000") == ("::1", 9000))
        #expect(try BindAddressCheck.parse(":0") == ("127.0.0.1", 0))
        #expect(throws: BindAddressCheck.Refusal.self) { try BindAddressCheck.parse("localhost") }
        #expect(throws: BindAddressCheck.Refusal.self) { try BindAddressCheck.parse("127.0.0.1:99999") }
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            #expect(throws: Never.self) { try BindAddressCheck.check(host: host, allowPublic: false) }
        }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org", "127.0.0.1.example.org"] {
            #expect(throws: BindAddressCheck.Refusal.self) { try BindAddressCheck.check(host: host, allowPublic: false) }
            #expect(throws: Never.self) { try BindAddressCheck.check(host: host, allowPublic: true) }
        }
        do {
            try BindAddressCheck.check(host: "0.0.0.0", allowPublic: false)
        } catch {
            #expect(error.description.contains("--public"))
        }
    }

    @Test("every path in Protocols/dashboard-openapi.yaml answers 200 with its documented content type")
    func openAPI() async throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Protocols/dashboard-openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        var documented: [(String, String)] = []
        for (path, item) in paths {
            let get = try #require((item as? [String: Any])?["get"] as? [String: Any], "\(path) has no get")
            let ok = try #require((get["responses"] as? [String: Any])?["200"] as? [String: Any], "\(path) has no 200")
            let content = try #require(ok["content"] as? [String: Any], "\(path) has no content")
            for type in content.keys {
                let concrete = path.replacingOccurrences(of: "{id}", with: "goteborg").replacingOccurrences(
                    of: "{gap}", with: DashboardFixture.ambition.id)
                documented.append((concrete, type))
            }
        }
        #expect(Set(Dashboard.apiPaths).isSubset(of: Set(paths.keys)))
        let pairs = documented
        try await withApp { client in
            for (path, type) in pairs {
                let uri = path == "/events" ? "/events?max=0" : path
                if path == "/events" { continue }  // streams; covered by the SSE test below
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(
                        response.headers[.contentType]?.hasPrefix(type) == true,
                        "\(path): \(response.headers[.contentType] ?? "-") is not \(type)")
                }
            }
        }
    }
}
