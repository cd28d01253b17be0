import Foundation
import KlimatnavDashboard
import Logging

extension ServeCommand {
    /// How long start-up waits for the hub's first answer before serving anyway.
    static let startupWait: Duration = .seconds(10)

    /// Waits for the hub's first answer: a refusal (wrong or missing key) is an error now,
    /// not a silent feed; a hub that does not answer yet only gets a warning (the page shows
    /// the feed disconnected until it connects).
    func checkFeed(_ feed: LiveFeed, logger: Logger) async throws {
        guard let hub else { return }
        let outcome = await withTaskGroup(of: FeedStatus?.self) { group in
            group.addTask { await feed.firstOutcome() }
            group.addTask {
                try? await Task.sleep(for: Self.startupWait)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        switch outcome?.state {
        case .refused:
            throw CLIError(refusalMessage(outcome?.refusal, hub: hub))
        case .connected:
            return
        default:
            logger.warning(
                "the hub at \(hub) does not answer yet; serving anyway: the page shows the live feed disconnected until it connects")
        }
    }

    /// What went wrong and what to do, naming the files given.
    func refusalMessage(_ refusal: FeedStatus.Refusal?, hub: String) -> String {
        let keyText = key.map { "the key in \($0)" } ?? "no key"
        switch refusal {
        case .keyNotAuthorized(let status):
            return """
                the hub at \(hub) refused \(keyText) (ZAP status \(status)): its public key is not in the hub's \
                keys directory. Ask the hub operator to add it as NAME.subscriber.pub (a read-only dashboard key, \
                'klimatnav keys generate --subscriber NAME') or use the coordinator's key.
                """
        // Which side notices a mechanism mismatch first is a race: the hub may just close.
        case .mechanismMismatch where key == nil, .closedDuringHandshake where key == nil:
            return
                "the hub at \(hub) uses CURVE: give --key FILE (this dashboard's secret key) and --hub-key hub.pub, as for 'klimatnav node'"
        case .mechanismMismatch:
            return "the hub at \(hub) does not use CURVE, but --key \(key ?? "") was given: leave out --key and --hub-key"
        case .closedDuringHandshake:
            return """
                the hub at \(hub) closed the connection during the CURVE handshake: --hub-key \(hubKey ?? "") is \
                probably not this hub's public key (compare it with the key 'klimatnav hub' prints at start), or \
                the hub does not use CURVE
                """
        case .protocolError, .none:
            return "the handshake with the hub at \(hub) failed: \(refusal.map { "\($0)" } ?? "refused")"
        }
    }
}
