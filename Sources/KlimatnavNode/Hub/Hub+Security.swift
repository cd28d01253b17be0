import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Under CURVE: audits refused connections, re-reads the keys directory every
    /// ``HubSecurity/reloadInterval``, and shuts the hub down if the ZAP handler dies (libzmq
    /// would then admit any key).
    func guardSecurity() async {
        guard let security = options.security else { return }
        var lastReload = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            if let zap, !zap.isRunning, !Task.isCancelled, !router.isClosing {
                logger.critical("the ZAP handler stopped; shutting the hub down rather than admitting unknown keys")
                shutdown()
                return
            }
            await auditDenials()
            if ContinuousClock.now - lastReload >= security.reloadInterval {
                lastReload = .now
                await reloadKeys()
            }
        }
    }

    /// Re-reads the authorized keys (also on SIGHUP) and cuts the sessions of revoked keys.
    public func reloadKeys() async {
        guard let security = options.security else { return }
        switch security.reload() {
        case .failure(let error):
            logger.error("keys not reloaded, the previous keys stay in force: \(error)")
        case .success(let changed):
            if changed {
                logger.info("keys reloaded: \(security.keyRing.count) authorized parties")
                await revokeStaleSessions()
            }
        }
    }

    /// Drops the sessions whose key is no longer authorized for their party, and rebinds the
    /// PUB endpoints so revoked subscribers are disconnected (they cannot come back: ZAP
    /// refuses them; authorized ones reconnect by themselves).
    public func revokeStaleSessions() async {
        guard let security = options.security else { return }
        let dropped = sessions.drop { party, key in !security.isCurrent(key: key, party: party.rawValue) }
        guard !dropped.isEmpty || publisher != nil else { return }
        if !dropped.isEmpty {
            logger.warning("revoked keys: closed the sessions of \(dropped.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        if let publisher { await rebind(publisher) }
    }

    /// Writes refused connections to the rejected-messages audit.
    func auditDenials() async {
        guard let security = options.security else { return }
        var (denials, dropped) = security.takeDenials()
        if dropped > 0 {
            denials.append(
                RejectedMessage(
                    sender: nil, sequence: nil, type: "ZAP", code: HubSecurity.notAuthenticated,
                    reason: "\(dropped) more connections refused (audit limit reached)", receivedAt: Date(), consumesSequence: false))
        }
        guard !denials.isEmpty else { return }
        logger.notice("refused \(denials.count) connection(s): \(denials[0].reason)")
        do {
            _ = try await store.commit(denials.map(BatchItem.rejected))
        } catch {
            logger.error("could not audit \(denials.count) refused connections: \(error)")
        }
    }

    /// Stops the ZAP handler once the sockets are closed (never before: fail closed).
    func stopZAP() async {
        guard let zap else { return }
        await router.waitUntilClosed()
        await publisher?.waitUntilClosed()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                zap.stop()
                continuation.resume()
            }.start()
        }
    }
}
