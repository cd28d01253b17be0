import Foundation
import KlimatnavCore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// The timer task: every ``tickInterval`` (on ``HubTime/clock``), what is due (``tick(_:now:)``).
    /// Returns when cancelled.
    func keepTime(_ io: HubIO) async {
        let interval = tickInterval
        while !Task.isCancelled {
            do { try await time.clock.sleep(for: interval) } catch { return }
            await tick(io, now: time.now())
        }
    }

    /// Half a heartbeat interval; under CURVE at most 100 ms, so a dead ZAP handler is
    /// noticed at once.
    var tickInterval: Duration {
        let half = Duration.milliseconds(max(10, options.heartbeatIntervalMs / 2))
        return options.security == nil ? half : min(half, .milliseconds(100))
    }

    /// Heartbeats to quiet nodes and on a quiet PUB, silent sessions forgotten, and under
    /// CURVE the keys' upkeep (Hub+Security.swift).
    func tick(_ io: HubIO, now: Date) async {
        let due = core.tick(now: now, readingPaused: readingPausedSince != nil)
        noteExpired(due.expired)
        // Counted as sent by the core already; sent together, like the committer's answers.
        let heartbeats = due.heartbeats.compactMap { routingID, heartbeat in
            (try? WireCodec.encode(.heartbeat(heartbeat))).map { Message([routingID] + $0) }
        }
        if !heartbeats.isEmpty {
            do {
                try await io.router.send(contentsOf: heartbeats)
            } catch {
                logger.debug("could not send heartbeats: \(error)")
            }
        }
        await io.publisher?.heartbeat(now: now, interval: Double(options.heartbeatIntervalMs) / 1000)
        if options.security != nil { await keepKeys(io) }
    }

    /// Forgets sessions silent for longer than interval × liveness; returns their parties.
    @discardableResult
    func expireSilentSessions(now: Date) -> [PartyID] {
        let dead = core.expire(now: now, readingPaused: readingPausedSince != nil)
        noteExpired(dead)
        return dead
    }

    private func noteExpired(_ dead: [PartyID]) {
        guard !dead.isEmpty else { return }
        expiredSessions += dead.count
        logger.info(
            "expired \(dead.count) silent session(s) after \(Int(core.livenessWindow * 1000)) ms: \(dead.map(\.rawValue).sorted().joined(separator: ", ")); \(expiredSessions) expired in all"
        )
    }
}
