import Foundation
import KlimatnavCore

extension Hub {
    /// Every heartbeat interval, forgets the sessions of nodes not heard from for
    /// interval × liveness (wire spec section 9): such a node must HELLO again, and its
    /// sequence counter is kept. Returns the task; cancel it to stop.
    func startLivenessChecks() -> Task<Void, Never> {
        let interval = max(10, options.heartbeatIntervalMs)
        return Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(interval))
                guard let self else { return }
                await self.expireSilentSessions(now: Date())
            }
        }
    }

    /// Forgets sessions silent for longer than interval × liveness; returns their parties.
    @discardableResult
    func expireSilentSessions(now: Date) -> [PartyID] {
        // While the hub reads nothing (its commits are stuck), a node's heartbeats wait
        // unread: its silence is the hub's, not the node's.
        guard readingPausedSince == nil else { return [] }
        let window = Double(options.heartbeatIntervalMs * options.heartbeatLiveness) / 1000
        let dead = sessions.expire(before: now.addingTimeInterval(-window))
        if !dead.isEmpty {
            expiredSessions += dead.count
            logger.info(
                "expired \(dead.count) silent session(s) after \(Int(window * 1000)) ms: \(dead.map(\.rawValue).sorted().joined(separator: ", ")); \(expiredSessions) expired in all"
            )
        }
        return dead
    }

    /// The hub stops reading new messages (it waits for its commits or a rebuild).
    func pauseReading() {
        if readingPausedSince == nil { readingPausedSince = Date() }
    }

    /// The hub reads again: every session's silence starts now, since whatever the nodes
    /// sent meanwhile waited unread.
    func resumeReading() {
        guard readingPausedSince != nil else { return }
        readingPausedSince = nil
        sessions.touchAll(at: Date())
    }

    /// Open sessions (welcomed routing ids).
    public var sessionCount: Int { sessions.count }
}
