import Foundation
import ZeroMQ

extension LiveFeed {
    /// Whether the feed receives the hub now.
    public var status: FeedStatus { state.withLock { $0.status } }

    /// The current status, then every change, until the feed closes.
    public func statusUpdates() -> AsyncStream<FeedStatus> {
        let key = UUID()
        let (stream, continuation) = AsyncStream<FeedStatus>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.statusWatchers.removeValue(forKey: key) }
        }
        state.withLock { state in
            continuation.yield(state.status)
            if socket != nil { state.statusWatchers[key] = continuation }
        }
        if socket == nil { continuation.finish() }
        return stream
    }

    /// Waits for the first answer about the hub: connected, refused, or not reachable (a
    /// hub that never answers keeps this waiting: race it with a timeout). Without a hub,
    /// returns ``FeedStatus/none``.
    public func firstOutcome() async -> FeedStatus {
        for await status in statusUpdates() where status.state != .connecting { return status }
        return status
    }

    /// Follows the SUB socket's events until its monitor stops.
    func watchConnection() async {
        guard let monitor, let endpoint else { return }
        do {
            for try await event in monitor.events {
                guard let next = state.withLock({ $0.status.after(event) }) else { continue }
                update(next, endpoint: endpoint)
            }
        } catch {
            logger.debug("dashboard feed monitor stopped: \(error)")
        }
    }

    private func update(_ next: FeedStatus, endpoint: String) {
        let (changed, watchers, refusals) = state.withLock { state -> (Bool, [AsyncStream<FeedStatus>.Continuation], Int) in
            if next.state == .connected { state.refusals = 0 }
            if next.state == .refused { state.refusals += 1 }
            guard state.status != next else { return (false, [], state.refusals) }
            state.status = next
            return (true, Array(state.statusWatchers.values), state.refusals)
        }
        if next.state == .refused { askAgain(after: refusals, endpoint: endpoint) }
        guard changed else { return }
        switch next.state {
        case .connected: logger.info("live feed connected to \(endpoint)")
        case .refused: logger.error("live feed from \(endpoint): \(next.detail ?? "refused")")
        default: logger.warning("live feed from \(endpoint): \(next.detail ?? "\(next.state)")")
        }
        for watcher in watchers { watcher.yield(next) }
    }
}

extension LiveFeed {
    /// libzmq treats a refused handshake as a protocol error and never reconnects; so, unless
    /// the feed connected meanwhile, reconnect after ``refusalRetry`` (doubled for every
    /// further refusal, at most ``maxRefusalRetry``): a key authorized later, or a hub started
    /// again with the right keys, is followed without a restart. Each try is one refused
    /// connection in the hub's audit.
    func askAgain(after refusals: Int, endpoint: String) {
        let delay = min(refusalRetry * (1 << min(refusals - 1, 16)), Self.maxRefusalRetry)
        Task { [weak self] in
            try? await Task.sleep(for: delay)
            guard let self, let socket = self.socket, self.status.state == .refused,
                self.state.withLock({ $0.refusals == refusals })
            else { return }
            // ENOENT when libzmq already dropped the endpoint: connect all the same, once.
            try? await socket.withSocket { socket in
                try? socket.disconnect(endpoint)
                try socket.connect(endpoint)
            }
        }
    }
}
