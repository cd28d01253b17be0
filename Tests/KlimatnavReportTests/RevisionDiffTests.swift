import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

@testable import KlimatnavReport

/// The illustrative scenario, played through the real runner into a database, diffed 2021 → 2022.
@Suite(.serialized) struct RevisionDiffTests {
    @Test func scenarioDiffShowsAdoptionAssignmentAndClosedGaps() async throws {
        let store = try HubStore(path: try await Support.scenarioDatabase())
        let revisions = try await store.revisions()
        #expect(revisions.map(\.revision.id) == ["2021", "2022"])
        let old = revisions[0], new = revisions[1]
        // The snapshots are the state at each closing: Lund's proposal, then its adoption.
        #expect(try old.state().goals["lund.climate-neutral-2030"]?.status == .proposed)
        #expect(try new.state().goals["lund.climate-neutral-2030"]?.status == .adopted)
        #expect(try new.state().goals["lund.minus-80-2030"] == nil)

        let diff = try RevisionDiff(from: old, to: new, language: .en)
        let codes = diff.changes.map { "\($0.party ?? "-") \($0.code) \($0.subject)" }
        #expect(codes.contains("lund goal-adopted lund.climate-neutral-2030"))
        #expect(codes.contains("lund goal-adopted lund.fossil-free-2030"))
        #expect(codes.contains("lund goal-withdrawn lund.minus-80-2030"))
        #expect(codes.contains("energimyndigheten barrier-assigned energy-system-boundary"))
        #expect(codes.contains("energimyndigheten claim-added energy-system-boundary"))
        #expect(codes.contains("- lab-opened lab.energy-sharing-district"))
        // The policy-lab candidate for the barrier closed (a lab is open), and Lund's proposed-goal gaps.
        let closed = Set(diff.gapsClosed.map(\.id))
        #expect(closed.contains("policy-lab-candidate:energy-system-boundary"))
        #expect(!diff.gapsClosed.isEmpty)
        // Gaps in the revisions agree with the log: nothing open in 2022 that the log says is closed.
        let open = Set(try await store.gaps().map(\.gap.id))
        #expect(Set(new.gaps.map(\.id)) == open)

        let text = diff.text()
        #expect(text.contains("Changes from revision 2021 to revision 2022"))
        #expect(text.contains("goal adopted (was proposed)"))
        #expect(text.contains("Gaps closed"))
        let swedish = try RevisionDiff(from: old, to: new, language: .sv).text()
        #expect(swedish.contains("mål antaget (var förslag)"))
        #expect(swedish.contains("tilldelat"))

        // --party keeps only Lund's changes and gaps.
        let lund = try RevisionDiff(from: old, to: new, party: "lund", language: .en)
        #expect(lund.changes.allSatisfy { $0.party == "lund" || $0.involves.contains("lund") })
        #expect(lund.gapsClosed.allSatisfy { $0.parties.contains("lund") })
        #expect(!lund.changes.contains { $0.code == "barrier-assigned" })

        let json = try JSONSerialization.jsonObject(with: Data(try diff.json().utf8)) as? [String: Any]
        #expect((json?["changes"] as? [Any])?.count == diff.changes.count)

        // The report over the same database writes both languages.
        let model = try await ReportModel.load(from: store)
        #expect(model.baselineRevision?.revision.id == "2021")
        #expect(model.closedSinceBaseline.contains { $0.gap.id == "policy-lab-candidate:energy-system-boundary" })
        let out = try Support.temporaryDirectory()
        for language in Language.allCases {
            let files = try ReportWriter.write(model, language: language, to: out)
            #expect(files.count == 3 + model.pageParties.count, "HTML, Markdown, the accessibility statement, a page per party")
        }
        for name in [
            "klimatnav-report.sv.html", "klimatnav-report.en.html", "klimatnav-report.sv.md", "klimatnav-report.en.md",
            "parties/lund.sv.html", "parties/lund.en.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        let sv = try String(contentsOf: out.appendingPathComponent("klimatnav-report.sv.html"), encoding: .utf8)
        #expect(sv.contains("Glapp som stängts sedan revision 2021"))
        #expect(sv.contains("tilldelat"))
        try? FileManager.default.removeItem(at: out)
    }

    @Test func revisionEventsChangeNoGaps() throws {
        var tracker = GapTracker(engine: GapEngine(), state: try Support.seedModel().state)
        let before = tracker.gaps
        let diff = try tracker.apply(.revisionClosed(Revision(id: "2099", date: "2099-01-01")))
        #expect(diff.opened.isEmpty && diff.changed.isEmpty && diff.resolved.isEmpty)
        #expect(tracker.gaps == before)
    }
}
