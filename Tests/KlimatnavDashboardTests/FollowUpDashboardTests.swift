import Foundation
import Hummingbird
import HummingbirdTesting
import KlimatnavCore
import KlimatnavDashboard
import KlimatnavStore
import Testing

/// The dashboard's follow-up views: the gap page with its history, and the gap list's and
/// `/api/gaps`'s filters assigned-to, overdue and dismissed (wire spec section 17).
@Suite("Dashboard follow-up", .timeLimit(.minutes(5)))
struct FollowUpDashboardTests {
    static let assign = GapFollowUp(
        gap: DashboardFixture.governance.id, action: .assign, by: "viable-cities", assignee: "goteborg", role: "klimatstrateg",
        due: "2020-01-31")
    static let comment = GapFollowUp(
        gap: DashboardFixture.governance.id, action: .comment, by: "goteborg", text: "Vi tar upp det <i>i vår</i>.")
    static let dismiss = GapFollowUp(
        gap: DashboardFixture.ambition.id, action: .dismiss, by: "viable-cities", text: "Målet gäller konsumtionen.")

    func withApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try await DashboardFixture()
        defer { fixture.remove() }
        var state = WorldState()
        for party in [DashboardFixture.goteborg, DashboardFixture.lund, DashboardFixture.agency, DashboardFixture.coordinator] {
            state.parties[party.id] = party
        }
        var items: [BatchItem] = []
        for (sender, sequence, followUp) in [
            ("viable-cities", UInt64(10), Self.assign), ("goteborg", 10, Self.comment), ("viable-cities", 11, Self.dismiss),
        ] {
            let event = DomainEvent.gapFollowedUp(followUp)
            try state.apply(event)
            items.append(try DashboardFixture.accepted(sender, sequence, event, entities: EntityChange.changes(for: event, in: state)))
        }
        _ = try await fixture.store.commit(items)
        let app = Application(router: Dashboard(store: try fixture.readOnlyStore(), feed: LiveFeed()).router())
        try await app.test(.router, body)
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    func ids(_ json: String) throws -> [String] {
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["id"] as? String }
    }

    @Test func apiFiltersByAssigneeOverdueAndDismissal() async throws {
        try await withApp { client in
            let open = try await get(client, "/api/gaps")
            #expect(try ids(open.body) == [DashboardFixture.governance.id], "a dismissed gap is left out: \(open.body)")
            #expect(open.body.contains(#""assignee":"goteborg""#) && open.body.contains(#""status":"assigned""#))
            #expect(try ids(try await get(client, "/api/gaps?dismissed=1").body) == [DashboardFixture.ambition.id])
            #expect(try ids(try await get(client, "/api/gaps?assignedTo=goteborg").body) == [DashboardFixture.governance.id])
            #expect(try ids(try await get(client, "/api/gaps?assignedTo=lund").body).isEmpty)
            #expect(try ids(try await get(client, "/api/gaps?overdue=1").body) == [DashboardFixture.governance.id])
            let unknown = try await get(client, "/api/gaps?assignedTo=nobody")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains(#""parameter":"assignedTo""#))
            // The overview counts what the list shows: the dismissed gap apart.
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(try await get(client, "/api/summary").body.utf8)) as? [String: Any])
            #expect(summary["openGaps"] as? Int == 1 && summary["dismissedGaps"] as? Int == 1, "\(summary)")
            let byKind = try #require(summary["byKind"] as? [String: Int])
            #expect(byKind["ambition-gap"] == 0 && byKind["governance-gap"] == 1, "\(byKind)")
            #expect(try await get(client, "/?lang=sv").body.contains("data-count=\"dismissed\">1</span>Avfärdade"))
        }
    }

    @Test func theGapPageShowsTheFollowUpAndItsHistory() async throws {
        try await withApp { client in
            let sv = try await get(client, "/gaps/\(DashboardFixture.governance.id)?lang=sv")
            #expect(sv.status == .ok)
            #expect(sv.body.contains("tilldelat"))
            #expect(sv.body.contains("klimatstrateg"))
            #expect(sv.body.contains("senast 2020-01-31"))
            #expect(sv.body.contains("försenat"))
            #expect(sv.body.contains("Viable Cities</a> tilldelade glappet till"), "\(sv.body)")
            #expect(sv.body.contains("Göteborg</a> kommenterade: <q>Vi tar upp det &lt;i&gt;i vår&lt;/i&gt;.</q>"))
            #expect(sv.body.contains("Fakta öppnade glappet"))
            let en = try await get(client, "/gaps/\(DashboardFixture.ambition.id)?lang=en")
            #expect(en.body.contains("dismissed: Målet gäller konsumtionen."))
            #expect(en.body.contains("Viable Cities</a> dismissed the gap"))
            #expect(try await get(client, "/gaps/no-such-gap").status == .notFound)
        }
    }

    @Test func theGapListHasTheFollowUpFiltersAndLinksToEachGap() async throws {
        try await withApp { client in
            let list = try await get(client, "/gaps?lang=sv")
            for label in ["Tilldelat", "Försenade", "Avfärdade", "name=\"assignedTo\"", "name=\"overdue\"", "name=\"dismissed\""] {
                #expect(list.body.contains(label), "\(label)")
            }
            #expect(list.body.contains("href=\"/gaps/\(DashboardFixture.governance.id)?lang=sv\""))
            #expect(!list.body.contains("data-gap=\"\(DashboardFixture.ambition.id)\""))
            let dismissed = try await get(client, "/gaps?dismissed=1&lang=en")
            #expect(dismissed.body.contains("data-gap=\"\(DashboardFixture.ambition.id)\""))
            #expect(dismissed.body.contains("dismissed: Målet gäller konsumtionen."))
        }
    }
}
