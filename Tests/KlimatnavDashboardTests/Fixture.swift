import Foundation
import KlimatnavCore
import KlimatnavDashboard
import KlimatnavStore
import KlimatnavWire

/// A fresh hub database with a few parties, goals, a barrier, gaps (open and resolved) and two
/// closed contract revisions, written through the store as the hub writes it (the message,
/// the entity rows it changed, a revision's snapshot).
struct DashboardFixture {
    let folder: URL
    let store: HubStore

    static let goteborg = Party(id: "goteborg", kind: .municipality, level: .local, name: "Göteborg", region: "Västra Götalands län")
    static let lund = Party(id: "lund", kind: .municipality, level: .local, name: "Lund")
    static let agency = Party(id: "energimyndigheten", kind: .agency, level: .national, name: "Energimyndigheten")
    static let coordinator = Party(id: "viable-cities", kind: .coordinator, level: .national, name: "Viable Cities")

    static let ambition = Gap(
        id: "ambition-gap:lund.near-zero-2050", kind: .ambitionGap, parties: ["lund"], levels: [.local, .national],
        topic: "lund.near-zero-2050", summary: "Lund aims at near zero by 2050, after Sweden's 2045 (a \"late\" goal, with commas).",
        evidence: ["goal:lund.near-zero-2050", "goal:sweden.net-zero-2045"], recommendation: "Raise it at the next contract revision.")
    static let governance = Gap(
        id: "governance-gap:energy-system-boundary:national", kind: .governanceGap, parties: ["goteborg"],
        levels: [.local, .national], topic: "energy-system-boundary",
        summary: "Göteborg needs national action on the energy system boundary; nobody claims it.",
        evidence: ["investment-area:goteborg.energy"], recommendation: nil)
    static let resolved = Gap(
        id: "reporting-gap:goteborg:3.8", kind: .reportingGap, parties: ["goteborg"], levels: [.local],
        topic: "3.8", summary: "Göteborg does not describe its reporting.", evidence: ["commitment:goteborg/3.8"])

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try HubStore(path: folder.appendingPathComponent("hub.db").path, durability: .normal)
        try await store.register(parties: [Self.goteborg, Self.lund, Self.agency, Self.coordinator])
        let goals = [
            Goal(
                id: "goteborg.minus-90-2030", party: "goteborg", reductionPercent: 90, baseYear: 1990, targetYear: 2030,
                text: "−90 % by 2030"),
            Goal(id: "lund.near-zero-2050", party: "lund", word: .nearZero, targetYear: 2050, text: "near zero by 2050"),
            Goal(
                id: "goteborg.minus-90-2030", party: "goteborg", reductionPercent: 95, baseYear: 1990, targetYear: 2030,
                text: "−95 % by 2030"),
        ]
        var state = WorldState()
        for party in [Self.goteborg, Self.lund, Self.agency, Self.coordinator] { state.parties[party.id] = party }
        var items: [BatchItem] = []
        func accept(_ sender: String, _ sequence: UInt64, _ event: DomainEvent, gaps: [Gap] = []) throws {
            try state.apply(event)
            var revision: RevisionSnapshot?
            if case .revisionClosed(let closed) = event {
                revision = RevisionSnapshot(revision: closed, state: state, gaps: gaps, at: Self.closedAt[closed.id] ?? Date())
            }
            items.append(
                try Self.accepted(sender, sequence, event, entities: EntityChange.changes(for: event, in: state), revision: revision))
        }
        try accept("goteborg", 1, .goalAsserted(goals[0]))
        try accept("lund", 2, .goalAsserted(goals[1]))
        try accept(
            "viable-cities", 2,
            .revisionClosed(Revision(id: "2021", date: "2021-10-01", title: "Första kontrakten", titleEn: "First contracts")),
            gaps: [Self.ambition, Self.resolved])
        try accept("goteborg", 3, .goalAsserted(goals[2]))
        let barrier = RegulatoryBarrier(
            id: "energy-system-boundary", title: "Energy sharing across property lines", instrument: "Ellagen",
            changeLevel: .national, reportedBy: ["goteborg"], affectedTopics: ["energy-system-boundary"])
        try accept("goteborg", 4, .barrierReported(barrier))
        try accept(
            "viable-cities", 1,
            .policyLabOpened(
                PolicyLab(
                    id: "lab.energy-sharing", barrier: "energy-system-boundary", parties: ["viable-cities", "goteborg"])))
        try accept("viable-cities", 3, .revisionClosed(Revision(id: "2022", date: "2022-10-01")), gaps: [Self.ambition, Self.governance])
        _ = try await store.commit(items)
        let opened = Date(timeIntervalSince1970: 1_700_000_000)
        try await store.record([
            GapEvent(gap: Self.ambition, change: .opened, at: opened, messageID: nil),
            GapEvent(gap: Self.governance, change: .opened, at: opened, messageID: nil),
            GapEvent(gap: Self.resolved, change: .opened, at: opened, messageID: nil),
            GapEvent(gap: Self.resolved, change: .resolved, at: opened.addingTimeInterval(86_400), messageID: nil),
        ])
    }

    static let closedAt = ["2021": Date(timeIntervalSince1970: 1_633_046_400), "2022": Date(timeIntervalSince1970: 1_664_582_400)]

    static func accepted(
        _ sender: String, _ sequence: UInt64, _ event: DomainEvent, entities: [EntityChange] = [], revision: RevisionSnapshot? = nil
    ) throws -> BatchItem {
        let frames = try WireCodec.encode(.domain(DomainMessage(sequence: sequence, event: event)))
        return .accepted(
            AcceptedMessage(
                sender: sender, sequence: sequence, type: event.name, body: Data(frames[3]), receivedAt: Date(),
                entities: entities, revision: revision))
    }

    /// The same database opened as `klimatnav serve` opens it.
    func readOnlyStore() throws -> HubStore { try HubStore(readOnlyPath: store.path) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Runs `body`, failing if it takes longer than `seconds`.
func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

struct TimedOut: Error {}

/// The repository's root folder (for the OpenAPI document).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
