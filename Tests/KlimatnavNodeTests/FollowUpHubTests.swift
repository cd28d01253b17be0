import Foundation
import KlimatnavCore
import KlimatnavWire
import Testing

@testable import KlimatnavNode

/// `gap.followup` at a real hub (wire spec section 17.2): who may send what, and which gaps
/// may be named, also after a restart.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FollowUpHubTests {
    static let sweden = Goal(
        id: "sweden.net-zero-2045", party: "sweden", scopes: [1, 2], word: .climateNeutral, basis: .absolute, targetYear: 2045,
        text: "net-zero 2045")
    static let late = Goal(id: "lund.late", party: "lund", scopes: [1, 2], word: .fossilFree, targetYear: 2050, text: "fossil-free 2050")
    static let later = Goal(id: "lund.later", party: "lund", scopes: [1, 2], word: .fossilFree, targetYear: 2060, text: "fossil-free 2060")

    static func step(_ action: GapFollowUpAction, _ gap: String, by: PartyID, assignee: PartyID? = nil, text: String? = nil) -> DomainEvent
    {
        .gapFollowedUp(
            GapFollowUp(gap: gap, action: action, by: by, assignee: assignee, role: assignee == nil ? nil : "klimatstrateg", text: text))
    }

    func code(_ delivery: Delivery) -> WireError.Code? {
        if case .refused(_, let code, _) = delivery { return code }
        return nil
    }

    @Test func followUpsAreAuthorizedAndNameKnownGapsAcrossARestart() async throws {
        let fixture = try HubFixture()
        try await fixture.startHub(referenceGoals: [Self.sweden])
        let lund = try await fixture.link("lund")
        let coord = try await fixture.link("coord")
        let malmo = try await fixture.link("malmo")
        let lateGap = "ambition-gap:lund.late", laterGap = "ambition-gap:lund.later"
        #expect(try await lund.deliver(.goalAsserted(Self.late)).isAcknowledged)
        #expect(try await lund.deliver(.goalAsserted(Self.later)).isAcknowledged)

        #expect(code(try await coord.deliver(Self.step(.comment, "ambition-gap:nowhere", by: "coord", text: "?"))) == .unknownGap)
        #expect(code(try await lund.deliver(Self.step(.comment, lateGap, by: "lund", text: "före tilldelning"))) == .notAuthorized)
        #expect(try await coord.deliver(Self.step(.assign, lateGap, by: "coord", assignee: "lund")).isAcknowledged)
        #expect(try await lund.deliver(Self.step(.comment, lateGap, by: "lund", text: "Vi ser över det.")).isAcknowledged)
        #expect(try await lund.deliver(Self.step(.acknowledge, lateGap, by: "lund")).isAcknowledged)
        #expect(code(try await lund.deliver(Self.step(.dismiss, lateGap, by: "lund", text: "inte vårt"))) == .notAuthorized)
        #expect(code(try await malmo.deliver(Self.step(.comment, lateGap, by: "malmo", text: "hm"))) == .notAuthorized)
        #expect(code(try await coord.deliver(Self.step(.comment, lateGap, by: "lund", text: "i Lunds namn"))) == .notAuthorized)

        // Both gaps resolve; after a restart, a follow-up may still name them.
        #expect(try await lund.deliver(.goalWithdrawn(goalID: Self.late.id, party: "lund")).isAcknowledged)
        #expect(try await lund.deliver(.goalWithdrawn(goalID: Self.later.id, party: "lund")).isAcknowledged)
        for link in [lund, coord, malmo] { await link.close() }
        try await fixture.stopHub()
        try await fixture.startHub(referenceGoals: [Self.sweden])
        let again = try await fixture.link("coord")
        #expect(try await again.deliver(Self.step(.comment, laterGap, by: "coord", text: "löst av sig självt")).isAcknowledged)
        #expect(try await again.deliver(Self.step(.dismiss, lateGap, by: "coord", text: "fel regel")).isAcknowledged)
        #expect(code(try await again.deliver(Self.step(.comment, "ambition-gap:nowhere", by: "coord", text: "?"))) == .unknownGap)

        let history = try await fixture.store().followUpHistory()
        #expect(history[lateGap].state.assignee == "lund")
        #expect(history[lateGap].status == .dismissed)
        #expect(
            history[lateGap].history.compactMap { entry -> GapChange? in
                if case .facts(let change) = entry.step { return change }
                return nil
            } == [.opened, .resolved])
        #expect(history[laterGap].state.comments.map(\.text) == ["löst av sig självt"])
        await fixture.tearDown()
    }
}
