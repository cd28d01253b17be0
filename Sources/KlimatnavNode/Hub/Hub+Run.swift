import AsyncAlgorithms
import Foundation
import KlimatnavStore
import ZeroMQ

extension Hub {
    /// Opens the sockets and the database, rebuilds the state, then serves until the sockets
    /// close (``shutdown()``): the reader decides, the committer stores and answers, the timer
    /// keeps heartbeats, sessions and keys. Returns once every batch received is committed.
    public func run() async throws {
        let io: HubIO
        do {
            io = try await HubIO.openOffPool(context: context, options: options, logger: logger, time: time, openStore: openStore)
            self.io = io
            guard lifecycle.opened(io) else {
                // Stopped before it started: nothing to serve.
                await stopZAP(io)
                settleReadiness(.failure(CancellationError()))
                return
            }
            try await io.store.register(parties: options.roster)
            let restored = try await restore(from: io.store)
            try await publishHubMade(restored: restored, store: io.store)
        } catch {
            if let io = self.io {
                io.close()
                await stopZAP(io)
            }
            settleReadiness(.failure(error))
            throw error
        }
        await io.publisher?.publish(startupPublications, through: ledger.stateSequence)
        settleReadiness(.success(io.endpoints))
        do {
            try await serve(io)
        } catch {
            await stopZAP(io)
            throw error
        }
        await stopZAP(io)
    }

    /// The three tasks. The reader hands each decided batch to the committer over a channel
    /// without a buffer: while one batch commits, the reader decides the next and waits to
    /// hand it over, so at most two batches are decided and not yet answered. The committer
    /// reports each batch's outcome back, so a failed commit reaches the reader as a value.
    private func serve(_ io: HubIO) async throws {
        let decided = AsyncChannel<HubBatch>()
        let (outcomes, report) = AsyncStream<CommitOutcome>.makeStream()
        let committer = HubCommitter(store: io.store, router: io.router, publisher: io.publisher, logger: logger)
        let reading: Result<Void, any Error> = await withTaskGroup(of: Stage.self) { group in
            group.addTask {
                await committer.run(decided, report: report)
                return .committer
            }
            group.addTask {
                await self.keepTime(io)
                return .timer
            }
            let reading: Result<Void, any Error>
            do {
                try await read(io, decided: decided, outcomes: outcomes)
                reading = .success(())
            } catch {
                reading = .failure(error)
            }
            // Every batch decided is stored (and answered where the socket still can) first.
            decided.finish()
            for await stage in group where stage == .committer { group.cancelAll() }
            return reading
        }
        try reading.get()
    }

    private enum Stage { case committer, timer }

    /// Stops the ZAP handler once the sockets are closed (never before: fail closed).
    private func stopZAP(_ io: HubIO) async {
        guard let zap = io.zap else { return }
        await io.router.waitUntilClosed()
        await io.publisher?.socket.waitUntilClosed()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                zap.stop()
                continuation.resume()
            }.start()
        }
    }
}
