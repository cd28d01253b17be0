import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import Testing

/// A playbook run dates its gaps by the facts (the playbook's `asOf`, a timeline entry's `at`),
/// not by the hub's clock, and keeps no history of gaps that opened and closed while the
/// facts were loaded.
@Suite struct FactDateTests {
    @Test func gapsCarryTheDatesOfTheFactsThatOpenedThem() async throws {
        let path = try await Support.scenarioDatabase()
        let store = try HubStore(readOnlyPath: path)
        let records = try await store.gaps(includeResolved: true)
        let iso = ISO8601DateFormatter()
        let asOf = try #require(iso.date(from: "2021-10-01T00:00:00Z"))
        let timelineEnd = try #require(iso.date(from: "2022-06-15T00:00:00Z"))
        #expect(!records.isEmpty)
        for record in records {
            // Opened at the facts' date or at a timeline entry's date: never the hub's clock.
            #expect(record.openedAt >= asOf && record.openedAt <= timelineEnd, "\(record.gap.id) opened \(record.openedAt)")
            if let resolved = record.resolvedAt {
                // Nothing opened and closed within the initial load is kept.
                #expect(resolved > asOf && resolved <= timelineEnd, "\(record.gap.id) resolved \(resolved)")
            }
        }
        // The scenario's 2022 timeline closes the energy-system-boundary candidate (a lab opens).
        let closed = try #require(records.first { $0.gap.id == "policy-lab-candidate:energy-system-boundary" })
        #expect(closed.status == "resolved")
        #expect(closed.openedAt == asOf)
    }
}
