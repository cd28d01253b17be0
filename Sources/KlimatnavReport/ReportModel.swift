import Foundation
import KlimatnavCore
import KlimatnavStore

/// Everything a report shows, read once from a hub's database: the current state, the gap log,
/// the closed revisions. Pure data; the renderers (``HTMLReport``, ``MarkdownReport``,
/// ``GoalTable``, ``TrajectoryChart``) turn it into text.
public struct ReportModel: Sendable {
    public var state: WorldState
    /// Gaps open now, ordered by kind then id.
    public var openGaps: [GapRecord]
    /// Gaps that were open once and are resolved now.
    public var resolvedGaps: [GapRecord]
    /// Closed revisions, oldest first.
    public var revisions: [RevisionSnapshot]
    public var configuration: GapConfiguration
    /// "Now" for ages (days open) and for "closed in the last year".
    public var generatedAt: Date
    /// Where the data came from (a database path), shown in the report.
    public var source: String?
    /// Every gap's follow-up and history (`gap.followup`).
    public var followUps = FollowUpHistory()

    public init(
        state: WorldState, openGaps: [GapRecord], resolvedGaps: [GapRecord] = [], revisions: [RevisionSnapshot] = [],
        configuration: GapConfiguration = GapConfiguration(), generatedAt: Date = Date(), source: String? = nil
    ) {
        self.state = state
        self.openGaps = openGaps.sorted { GapEngine.order($0.gap, $1.gap) }
        self.resolvedGaps = resolvedGaps.sorted { GapEngine.order($0.gap, $1.gap) }
        self.revisions = revisions
        self.configuration = configuration
        self.generatedAt = generatedAt
        self.source = source
    }

    /// Reads the model from a hub's database.
    public static func load(
        from store: HubStore, configuration: GapConfiguration = GapConfiguration(), now: Date = Date()
    ) async throws(StoreError) -> ReportModel {
        let state = try await store.currentState()
        let all = try await store.gaps(includeResolved: true)
        let revisions = try await store.revisions()
        var model = ReportModel(
            state: state, openGaps: all.filter { $0.status == "open" }, resolvedGaps: all.filter { $0.status != "open" },
            revisions: revisions, configuration: configuration, generatedAt: now, source: store.path)
        model.followUps = try await store.followUpHistory()
        return model
    }

    /// The day of ``generatedAt`` (`YYYY-MM-DD`, UTC): what due dates are compared with.
    public var today: String { Timestamp.day(generatedAt) }

    // MARK: Derived views

    /// Display name of a party (its id when unknown).
    public func name(_ id: PartyID) -> String { state.parties[id]?.name ?? id.rawValue }

    /// Display name of a party in `language` (English: its English name where it has one).
    public func name(_ id: PartyID, _ language: Language) -> String {
        guard let party = state.parties[id] else { return id.rawValue }
        return language == .sv ? party.name : party.englishName
    }

    /// Municipalities, by name.
    public var municipalities: [Party] {
        state.parties(ofKind: .municipality).sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
    }

    /// Parties with a per-party page: municipalities, then agencies, regional hubs, roadmap
    /// owners and the coordinator, each group by name.
    public var pageParties: [Party] {
        let order: [PartyKind] = [.municipality, .agency, .regionalHub, .roadmapOwner, .coordinator]
        return order.flatMap { kind in state.parties(ofKind: kind).sorted { $0.name < $1.name } }
    }

    /// Every logged gap, open and resolved, ordered by kind then id.
    public var allGaps: [GapRecord] {
        (openGaps + resolvedGaps).sorted { GapEngine.order($0.gap, $1.gap) }
    }

    /// The closed revision called `id`.
    public func revision(_ id: String) -> RevisionSnapshot? {
        revisions.first { $0.revision.id == id }
    }

    /// The latest closed revision.
    public var latestRevision: RevisionSnapshot? { revisions.last }

    /// Open gaps that name `party`.
    public func openGaps(of party: PartyID) -> [GapRecord] {
        openGaps.filter { $0.gap.parties.contains(party) }
    }

    /// Whole days a gap has been open (at least 0).
    public func daysOpen(_ record: GapRecord) -> Int {
        max(0, Int(((record.resolvedAt ?? generatedAt).timeIntervalSince(record.openedAt) / 86_400).rounded(.down)))
    }

    /// The revision that "closed since" is measured from: the latest revision, or the one
    /// before it when nothing has changed in the gaps since the latest (a report written right
    /// after closing a revision shows what that revision's year closed). `nil` without revisions.
    public var baselineRevision: RevisionSnapshot? {
        guard let latest = revisions.last else { return nil }
        let open = Set(openGaps.map(\.gap.id))
        if Set(latest.gaps.map(\.id)) == open, revisions.count >= 2 { return revisions[revisions.count - 2] }
        return latest
    }

    /// Gaps open at the baseline revision and not open now; without revisions, gaps resolved in
    /// the last 365 days.
    public var closedSinceBaseline: [GapRecord] {
        let open = Set(openGaps.map(\.gap.id))
        guard let baseline = baselineRevision else {
            let yearAgo = generatedAt.addingTimeInterval(-365 * 86_400)
            return resolvedGaps.filter { ($0.resolvedAt ?? .distantPast) >= yearAgo }
        }
        let resolved = Dictionary(resolvedGaps.map { ($0.gap.id, $0) }, uniquingKeysWith: { first, _ in first })
        return baseline.gaps.filter { !open.contains($0.id) }.map { gap in
            resolved[gap.id] ?? GapRecord(gap: gap, status: "resolved", openedAt: baseline.closedAt, resolvedAt: nil)
        }
    }

    /// Open gaps counted by kind and party (a party counts once per gap that names it).
    public var openGapCounts: [GapKind: [PartyID: Int]] {
        var counts: [GapKind: [PartyID: Int]] = [:]
        for record in openGaps {
            for party in record.gap.parties { counts[record.gap.kind, default: [:]][party, default: 0] += 1 }
        }
        return counts
    }
}
