import Foundation
import KlimatnavCore
import KlimatnavStore
import Synchronization
import ZeroMQ

/// The hub's CURVE configuration and the authentication decisions of its ZAP handler.
///
/// Thread-safe: the ZAP handler's thread calls ``authenticate(_:)`` while the hub reloads the
/// key ring and drains the audit of refused connections.
public final class HubSecurity: Sendable {
    /// The ZAP domain of the hub's ROUTER socket.
    public static let zapDomain = "klimatnav"
    /// The ZAP domain of the hub's PUB socket, where read-only subscriber keys are admitted
    /// too (wire spec section 11.4).
    public static let feedDomain = "klimatnav-feed"
    /// The ZAP metadata property carrying the client's public key (Z85), read per message to
    /// notice keys revoked after the connection was made.
    public static let keyProperty = "X-Klimatnav-Key"
    /// The audit code of a connection refused by ZAP. Audit only: no NACK carries it, because
    /// a refused peer never gets a session (see the wire spec, section 11.1).
    public static let notAuthenticated = "not-authenticated"
    /// Refused connections kept for the audit before the hub writes them; more are counted only.
    static let maxPendingDenials = 10_000

    public let publicKey: CurveKey
    let secretKey: CurveKey
    /// The directory of authorized `<party-id>.pub` files (re-read by ``reload()``), or `nil`
    /// for a fixed ring.
    public let keysDirectory: String?
    let roster: Set<PartyID>
    /// How often the hub re-reads ``keysDirectory``.
    public let reloadInterval: Duration

    /// What changes while the hub runs: the ring (reloads) and the refusals not yet audited.
    private struct Mutable {
        var ring: KeyRing
        var denials: [RejectedMessage] = []
        var droppedDenials = 0
    }

    private let mutable: Mutex<Mutable>

    /// Loads the key ring from `keysDirectory`.
    /// - Throws: ``KeyRing/Error`` naming the bad file.
    public init(
        keyPair: (publicKey: CurveKey, secretKey: CurveKey), keysDirectory: String, roster: [Party],
        reloadInterval: Duration = .seconds(2)
    ) throws {
        publicKey = keyPair.publicKey
        secretKey = keyPair.secretKey
        self.keysDirectory = keysDirectory
        self.roster = Set(roster.map(\.id))
        self.reloadInterval = reloadInterval
        mutable = Mutex(Mutable(ring: try KeyRing.load(directory: keysDirectory, roster: self.roster)))
    }

    /// A fixed ring (tests, embedding).
    public init(keyPair: (publicKey: CurveKey, secretKey: CurveKey), ring: KeyRing, reloadInterval: Duration = .seconds(2)) {
        publicKey = keyPair.publicKey
        secretKey = keyPair.secretKey
        keysDirectory = nil
        roster = []
        self.reloadInterval = reloadInterval
        mutable = Mutex(Mutable(ring: ring))
    }

    /// The current ring.
    public var keyRing: KeyRing { mutable.withLock { $0.ring } }

    /// Replaces the ring (a fixed-ring hub's rotation and revocation).
    public func replace(_ ring: KeyRing) {
        mutable.withLock { $0.ring = ring }
    }

    /// Re-reads ``keysDirectory``. Keeps the current ring when the directory is unusable (a
    /// half-written file must not lock everybody out) and returns the error.
    /// - Returns: whether the ring changed, or the error.
    public func reload() -> Result<Bool, KeyRing.Error> {
        guard let keysDirectory else { return .success(false) }
        do {
            let fresh = try KeyRing.load(directory: keysDirectory, roster: roster)
            return .success(
                mutable.withLock { state in
                    defer { state.ring = fresh }
                    return state.ring != fresh
                })
        } catch {
            return .failure(error)
        }
    }

    /// Whether a connection authenticated as `party` with `keyZ85` is still authorized.
    func isCurrent(key keyZ85: String?, party: String) -> Bool {
        guard let keyZ85 else { return false }
        return mutable.withLock { $0.ring.party(for: keyZ85)?.rawValue == party }
    }

    /// The ZAP decision: only CURVE, only on the hub's domains, only known keys; a read-only
    /// subscriber's key only on the PUB socket (User-Id `<name>.subscriber`).
    public func authenticate(_ request: ZAPRequest) -> ZAPDecision {
        let feed = request.domain == HubSecurity.feedDomain
        guard feed || request.domain == HubSecurity.zapDomain else {
            return deny(request, "unexpected ZAP domain '\(request.domain.prefix(40))'")
        }
        guard request.mechanism == "CURVE", let key = request.clientKeyZ85 else {
            return deny(request, "\(request.mechanism.prefix(10)) mechanism refused; CURVE is required")
        }
        let (party, subscriber) = mutable.withLock { ($0.ring.party(for: key), $0.ring.subscriber(for: key)) }
        if let party {
            return .allow(userId: party.rawValue, metadata: [HubSecurity.keyProperty: key])
        }
        if let subscriber {
            guard feed else {
                return deny(request, "read-only subscriber key '\(subscriber)' may only subscribe to the PUB feed")
            }
            return .allow(userId: "\(subscriber).subscriber", metadata: [HubSecurity.keyProperty: key])
        }
        return deny(request, "unknown CURVE key \(key.prefix(8))…")
    }

    private func deny(_ request: ZAPRequest, _ reason: String) -> ZAPDecision {
        let text = "\(reason) from \(request.address.isEmpty ? "an unknown address" : request.address)"
        mutable.withLock { state in
            if state.denials.count < HubSecurity.maxPendingDenials {
                state.denials.append(
                    RejectedMessage(
                        sender: nil, sequence: nil, type: "ZAP", code: HubSecurity.notAuthenticated,
                        reason: "connection refused: \(text)", receivedAt: Date(), consumesSequence: false))
            } else {
                state.droppedDenials += 1
            }
        }
        return .deny(status: 400, text: reason)
    }

    /// Takes the refused connections not yet audited, and how many were over the limit.
    func takeDenials() -> (denials: [RejectedMessage], dropped: Int) {
        mutable.withLock { state in
            defer {
                state.denials = []
                state.droppedDenials = 0
            }
            return (state.denials, state.droppedDenials)
        }
    }

    /// Configures a hub server socket for CURVE with this key pair and a ZAP domain
    /// (``zapDomain`` for the ROUTER, ``feedDomain`` for the PUB).
    func configureServer(_ socket: Socket, domain: String = HubSecurity.zapDomain) throws {
        try socket.set(.curveServer, true)
        try socket.set(.curveSecretKey, secretKey)
        try socket.set(.zapDomain, domain)
        socket.readsProperties = [HubSecurity.keyProperty]
    }
}

/// A node's CURVE client configuration: its own key pair and the hub's public key.
public struct CurveClient: Sendable {
    public var publicKey: CurveKey
    public var secretKey: CurveKey
    public var serverKey: CurveKey

    public init(publicKey: CurveKey, secretKey: CurveKey, serverKey: CurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.serverKey = serverKey
    }

    /// Sets the three CURVE options; call before `connect`.
    public func configure(_ socket: Socket) throws {
        try socket.set(.curveServerKey, serverKey)
        try socket.set(.curvePublicKey, publicKey)
        try socket.set(.curveSecretKey, secretKey)
    }
}
