import KlimatnavCore
import KlimatnavStore

/// Checks a hub database for consistency: the open gaps it logs against the gaps a full
/// recompute over its roster and stored messages gives (what a restarted hub would hold).
public enum GapAudit {
    /// The result: gap ids logged as open, recomputed, and those in one but not the other.
    public struct Result: Sendable, Equatable {
        public var stored: Int
        public var recomputed: Int
        public var onlyStored: [String]
        public var onlyRecomputed: [String]
        public var consistent: Bool { onlyStored.isEmpty && onlyRecomputed.isEmpty }
    }

    public static func check(
        _ store: HubStore, configuration: GapConfiguration = GapConfiguration(), responses: ResponsePlaybook? = nil
    ) async throws -> Result {
        let roster = try await store.parties()
        var ledger = try HubLedger(roster: roster, engine: GapEngine(configuration: configuration, playbook: responses))
        _ = try await HubLedger.replayStore(store, into: &ledger, roster: roster)
        let recomputed = Set(ledger.finishReplay().map(\.id))
        let stored = Set(try await store.gaps().map(\.gap.id))
        return Result(
            stored: stored.count, recomputed: recomputed.count,
            onlyStored: stored.subtracting(recomputed).sorted(), onlyRecomputed: recomputed.subtracting(stored).sorted())
    }
}
