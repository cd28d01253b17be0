import Foundation
import Testing

/// Issue 19's "done when": through a real hub process, the coordinator assigns a gap, the
/// assignee comments, the coordinator dismisses it, the facts open it again; `gaps --format
/// json` and the dashboard's gap page show the history.
@Suite(.serialized, .timeLimit(.minutes(5))) struct FollowUpCLITests {
    static let gap = "ambition-gap:enkoping.fossil-free"

    /// A test playbook (not fact): Enköping's 2050 goal is later than Sweden's 2045.
    static func playbook(targetYear: Int) -> String {
        """
        playbook: followup-test
        version: 1
        title: "Test only: following up a gap"
        asOf: 2026-01-15
        source: "Test playbook for FollowUpCLITests"
        illustrative: true
        parties:
          - { id: enkoping, kind: municipality, level: local, name: "Enköping" }
          - { id: lund, kind: municipality, level: local, name: "Lund" }
          - { id: sweden, kind: reference, level: national, name: "Sweden" }
          - { id: viable-cities, kind: coordinator, level: national, name: "Viable Cities" }
        goals:
          - { id: sweden.net-zero-2045, party: sweden, scopes: [1, 2], word: climate-neutral, basis: absolute, targetYear: 2045, text: "net-zero 2045" }
          - { id: enkoping.fossil-free, party: enkoping, scopes: [1, 2], word: fossil-free, targetYear: \(targetYear), text: "fossil-free \(targetYear)" }
        """
    }

    struct Row: Decodable {
        var id: String
        var status: String
        var followUp: FollowUp
    }

    struct FollowUp: Decodable {
        var status: String
        var assignee: String?
        var role: String?
        var due: String?
        var dismissReason: String?
        var reopenedAt: String?
        var history: [Step]
    }

    struct Step: Decodable {
        var step: String
        var by: String?
        var text: String?
    }

    func rows(_ db: String, _ extra: [String] = []) async throws -> [Row] {
        let result = try await Klimatnav.run(["gaps", "--db", db, "--format", "json"] + extra)
        #expect(result.status == 0, "gaps failed: \(result.stderr)")
        return try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
    }

    @Test func assignCommentDismissAndReopenThroughAHub() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = scratch.path("first.yaml"), later = scratch.path("later.yaml"), db = scratch.path("hub.db")
        try Self.playbook(targetYear: 2050).write(toFile: first, atomically: true, encoding: .utf8)
        try Self.playbook(targetYear: 2055).write(toFile: later, atomically: true, encoding: .utf8)
        let (hub, banner) = try await Klimatnav.start(["hub", "--bind", "tcp://127.0.0.1:*", "--db", db, "--playbook", first])
        defer { hub.terminate() }
        let endpoint =
            banner.split(separator: " ").dropFirst(3).first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) } ?? ""
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"), "hub banner: \(banner)")
        func node(_ playbook: String) async throws {
            let result = try await Klimatnav.run([
                "node", "--party", "enkoping", "--connect", endpoint, "--playbook", playbook, "--timeout", "30",
            ])
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        }
        func followup(_ party: String, _ arguments: [String]) async throws -> Klimatnav.Result {
            try await Klimatnav.run(["followup"] + arguments + ["--party", party, "--connect", endpoint, "--timeout", "30"])
        }
        try await node(first)

        // A gap the hub has never found is refused with unknown-gap.
        let unknown = try await followup("viable-cities", ["comment", "--gap", "ambition-gap:nowhere", "--text", "?"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("refused: unknown-gap"), "\(unknown.stdout) \(unknown.stderr)")
        // Lund may not comment on a gap that is not assigned to it.
        let lund = try await followup("lund", ["comment", "--gap", Self.gap, "--text", "Vi tycker till"])
        #expect(lund.stdout.contains("refused: not-authorized"), "\(lund.stdout) \(lund.stderr)")

        let assign = try await followup(
            "viable-cities", ["assign", "--gap", Self.gap, "--assignee", "enkoping", "--role", "klimatstrateg", "--due", "2027-01-31"])
        #expect(assign.status == 0, "\(assign.stdout) \(assign.stderr)")
        let comment = try await followup("enkoping", ["comment", "--gap", Self.gap, "--text", "Vi ser över målåret i budgeten för 2027."])
        #expect(comment.status == 0, "\(comment.stdout) \(comment.stderr)")
        let notYours = try await followup("enkoping", ["dismiss", "--gap", Self.gap, "--text", "inte vårt"])
        #expect(notYours.stdout.contains("refused: not-authorized"))

        #expect(try await rows(db, ["--assigned-to", "enkoping"]).map(\.id) == [Self.gap])
        #expect(try await rows(db, ["--assigned-to", "lund"]).isEmpty)
        #expect(try await rows(db, ["--overdue", "--today", "2027-02-01"]).map(\.id) == [Self.gap])
        #expect(try await rows(db, ["--overdue", "--today", "2027-01-31"]).isEmpty)

        let dismiss = try await followup(
            "viable-cities", ["dismiss", "--gap", Self.gap, "--text", "Målet gäller konsumtionen, inte scope 1-2."])
        #expect(dismiss.status == 0, "\(dismiss.stdout) \(dismiss.stderr)")
        #expect(try await rows(db).allSatisfy { $0.id != Self.gap })
        let dismissed = try #require(try await rows(db, ["--dismissed"]).first)
        #expect(dismissed.id == Self.gap && dismissed.followUp.status == "dismissed")
        #expect(dismissed.followUp.dismissReason == "Målet gäller konsumtionen, inte scope 1-2.")

        // A new fact asserts the gap again: Enköping moves its goal to 2055.
        try await node(later)
        #expect(try await rows(db, ["--dismissed"]).isEmpty)
        let row = try #require(try await rows(db).first { $0.id == Self.gap })
        #expect(row.status == "open")
        #expect(row.followUp.status == "reopened")
        #expect(row.followUp.reopenedAt != nil)
        #expect(row.followUp.assignee == "enkoping" && row.followUp.role == "klimatstrateg" && row.followUp.due == "2027-01-31")
        #expect(row.followUp.history.map(\.step) == ["opened", "assign", "comment", "dismiss", "changed"])
        #expect(row.followUp.history.map(\.by) == [nil, "viable-cities", "enkoping", "viable-cities", nil])
        #expect(row.followUp.history[2].text == "Vi ser över målåret i budgeten för 2027.")

        // The dashboard's gap page shows the history, in Swedish and in English.
        let (serve, serveBanner) = try await Klimatnav.start(["serve", "--db", db, "--http", "127.0.0.1:0"])
        defer { serve.terminate() }
        let base = String(serveBanner.split(separator: " ")[2].dropLast())
        let page = try await Subprocess.run("/usr/bin/curl", ["-s", "--max-time", "5", "\(base)/gaps/\(Self.gap)?lang=sv"]).stdout
        #expect(page.contains("öppnat igen efter avfärdande"), "\(page)")
        #expect(page.contains("Viable Cities</a> tilldelade glappet till"))
        #expect(page.contains("klimatstrateg"))
        #expect(page.contains("Vi ser över målåret i budgeten för 2027."))
        #expect(page.contains("Målet gäller konsumtionen, inte scope 1-2."))
        #expect(page.contains("Nya fakta ändrade glappet"))
        let english = try await Subprocess.run("/usr/bin/curl", ["-s", "--max-time", "5", "\(base)/gaps/\(Self.gap)?lang=en"]).stdout
        #expect(english.contains("re-opened after dismissal"), "\(english)")
        let assigned = try await Subprocess.run("/usr/bin/curl", ["-s", "--max-time", "5", "\(base)/api/gaps?assignedTo=enkoping"]).stdout
        #expect(assigned.contains(Self.gap) && assigned.contains("\"followUp\""), "\(assigned)")
        let none = try await Subprocess.run("/usr/bin/curl", ["-s", "--max-time", "5", "\(base)/api/gaps?dismissed=1"]).stdout
        #expect(none == "[]", "\(none)")
        serve.terminate()
        await MultiProcessTests().stop(hub)
        #expect(hub.terminationStatus == 0)
    }
}
