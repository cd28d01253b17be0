import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension Hub {
    /// Under CURVE, on each tick: shuts the hub down if the ZAP handler died (libzmq would
    /// then admit any key), audits refused connections, and re-reads the keys directory every
    /// ``HubSecurity/reloadInterval``.
    func keepKeys(_ io: HubIO) async {
        guard let security = options.security else { return }
        if let zap = io.zap, !zap.isRunning, !Task.isCancelled, !io.router.isClosing {
            logger.critical("the ZAP handler stopped; shutting the hub down rather than admitting unknown keys")
            shutdown()
            return
        }
        await auditDenials(io.store)
        let now = time.now()
        guard let readAt = keysReadAt else {
            keysReadAt = now
            return
        }
        if now.timeIntervalSince(readAt) >= HubTime.seconds(security.reloadInterval) {
            keysReadAt = now
            await reloadKeys()
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
        if !dropped.isEmpty {
            logger.warning("revoked keys: closed the sessions of \(dropped.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        if let publisher = io?.publisher { await rebind(publisher) }
    }

    /// Writes refused connections to the rejected-messages audit.
    func auditDenials(_ store: HubStore) async {
        guard let security = options.security else { return }
        var (denials, dropped) = security.takeDenials()
        if dropped > 0 {
            denials.append(
                RejectedMessage(
                    sender: nil, sequence: nil, type: "ZAP", code: HubSecurity.notAuthenticated,
                    reason: "\(dropped) more connections refused (audit limit reached)", receivedAt: time.now(), consumesSequence: false))
        }
        guard !denials.isEmpty else { return }
        logger.notice("refused \(denials.count) connection(s): \(denials[0].reason)")
        do {
            _ = try await store.commit(denials.map(BatchItem.rejected))
        } catch {
            logger.error("could not audit \(denials.count) refused connections: \(error)")
        }
    }
}
