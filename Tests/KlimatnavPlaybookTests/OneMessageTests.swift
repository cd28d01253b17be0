import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// `PlaybookLoader.message`: one message read as a timeline entry would be, against a state
/// (what `klimatnav say` hands the node), with the loader's own errors.
@Suite struct OneMessageTests {
    func state() throws -> WorldState {
        let playbook = try PlaybookLoader.load(yaml: Fixtures.small, file: "test.yaml")
        var state = WorldState()
        for message in playbook.schedule() { try state.apply(message.event) }
        return state
    }

    @Test func aValidBarrierReportBecomesTheEvent() throws {
        let event = try PlaybookLoader.message(
            "barrier.report",
            body: [
                ("id", .text("boundary")), ("title", .text("One building")), ("changeLevel", .text("national")),
                ("reportedBy", .list(["energimyndigheten"])), ("affects", .list(["goteborg", "malmo"])),
            ], from: "energimyndigheten", in: try state())
        guard case .barrierReported(let barrier) = event else { Issue.record("got \(event)"); return }
        #expect(barrier.affects == ["goteborg", "malmo"] && barrier.changeLevel == .national)
    }

    @Test func theErrorsAreThePlaybookLoaders() throws {
        let known = try state()
        do {
            _ = try PlaybookLoader.message(
                "barrier.report",
                body: [
                    ("id", .text("boundary")), ("title", .text("One building")), ("changeLevel", .text("nationell")),
                    ("reportedBy", .list(["energimyndigheten"])), ("affects", .list(["nowhere"])),
                ], from: "energimyndigheten", in: known)
            Issue.record("accepted a wrong barrier")
        } catch {
            #expect(
                error.messages.contains {
                    $0.hasPrefix("expected one of local, regional, national, eu, industry for 'changeLevel', found 'nationell'")
                })
            #expect(error.messages.contains { $0.hasPrefix("expected a party listed under 'parties' for 'affects', found 'nowhere'") })
        }
        // The sender rule of a timeline entry holds too.
        #expect(throws: PlaybookError.self) {
            try PlaybookLoader.message(
                "barrier.report",
                body: [
                    ("id", .text("b")), ("title", .text("t")), ("changeLevel", .text("national")), ("reportedBy", .list(["malmo"])),
                ], from: "energimyndigheten", in: known)
        }
        // A goal that refers to an unknown parent, and an unknown message name.
        #expect(throws: PlaybookError.self) {
            try PlaybookLoader.message(
                "goal",
                body: [
                    ("id", .text("malmo.x")), ("party", .text("malmo")), ("reductionPercent", .text("50")),
                    ("baseYear", .text("1990")), ("targetYear", .text("2030")), ("interimOf", .text("none")),
                ], from: "malmo", in: known)
        }
        do {
            _ = try PlaybookLoader.message("barrier.reprot", body: [], from: "malmo", in: known)
        } catch {
            #expect(error.messages.first?.contains("found 'barrier.reprot'") == true)
        }
    }
}
