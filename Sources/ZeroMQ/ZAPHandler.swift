import CZeroMQ
import Foundation
import Synchronization

/// One ZAP authentication request (RFC 27): a peer is completing its security handshake with
/// a socket of this context.
public struct ZAPRequest: Sendable, Hashable {
    /// The server socket's `ZMQ_ZAP_DOMAIN` (may be empty).
    public var domain: String
    /// The peer's address (the remote IP for TCP).
    public var address: String
    /// The routing id the peer announced (chosen by the peer: never trust it).
    public var routingId: [UInt8]
    /// `"NULL"`, `"PLAIN"` or `"CURVE"`.
    public var mechanism: String
    /// The mechanism's credential frames (CURVE: one frame, the client's 32-byte public key;
    /// PLAIN: user name and password; NULL: none).
    public var credentials: [[UInt8]]

    public init(domain: String, address: String, routingId: [UInt8], mechanism: String, credentials: [[UInt8]]) {
        self.domain = domain
        self.address = address
        self.routingId = routingId
        self.mechanism = mechanism
        self.credentials = credentials
    }

    /// The client's long-term public key, for the CURVE mechanism.
    public var clientKey: CurveKey? {
        guard mechanism == "CURVE", let first = credentials.first else { return nil }
        return try? CurveKey(bytes: first)
    }

    /// The client's public key as Z85 text, for the CURVE mechanism.
    public var clientKeyZ85: String? { clientKey?.z85 }
}

/// A ZAP handler's answer to one ``ZAPRequest``.
public enum ZAPDecision: Sendable, Hashable {
    /// Status 200: the connection proceeds; every message from it carries `userId` as its
    /// `User-Id` property (``ReceivedMessage/userId``), and each metadata pair as a property
    /// readable through ``Socket/readsProperties`` (names are case-sensitive; use an `X-` prefix).
    case allow(userId: String, metadata: [String: String] = [:])
    /// Refuses the connection: status 400 (permanent) or 300 (temporary, RFC 27), with a text
    /// for the peer and for logs. The peer's messages never reach the server socket.
    case deny(status: Int = 400, text: String)
}

/// Serves ZAP (RFC 27) for one ``ZeroMQContext`` on `inproc://zeromq.zap.01`, on a dedicated
/// thread, answering each request with an authenticator closure.
///
/// ## Why it exists
/// libzmq asks a ZAP handler about every connection that uses a security mechanism (CURVE
/// always; NULL and PLAIN when the server socket has a ``SocketOption/zapDomain``). **Without
/// a handler a CURVE server admits any client that knows the server's public key.** Start
/// the handler before creating the server sockets, and keep it running as long as they live;
/// if ``start(context:authenticator:)`` throws (for example `EADDRINUSE`: another handler
/// already serves this context), do not open the server sockets at all (fail closed).
///
/// ## Behaviour
/// - The authenticator runs on the handler's thread, one request at a time, and must not
///   block for long: connection handshakes wait for it. It may be called concurrently with
///   your other code, hence `@Sendable`.
/// - A request the handler cannot parse (wrong version, missing frames) is answered 400 by
///   the handler itself; the authenticator never sees it.
/// - NULL mechanism: libzmq consults the handler only when the server socket sets a ZAP
///   domain; the request then has `mechanism == "NULL"` and no credentials, and the
///   authenticator decides (deny it to require CURVE). A NULL socket without a domain never
///   reaches the handler.
/// - ``stop()`` closes the handler socket and joins the thread. **Stop it only after the
///   server sockets are closed**: libzmq 4.3 without a handler admits every CURVE client
///   again (fail open). For the same reason watch ``isRunning`` and stop serving when it turns
///   `false` (the thread ends on `ETERM` or an unexpected socket error).
///   ``ZeroMQContext/shutdown()`` also ends the thread.
///
/// ```swift
/// let zap = try ZAPHandler.start(context: context) { request in
///     guard let key = request.clientKeyZ85, let name = knownKeys[key] else {
///         return .deny(text: "unknown key")
///     }
///     return .allow(userId: name)
/// }
/// // ... create CURVE server sockets, serve ...
/// zap.stop()
/// ```
public final class ZAPHandler: Sendable {
    /// The endpoint libzmq sends ZAP requests to (fixed by RFC 27).
    public static let endpoint = "inproc://zeromq.zap.01"

    /// A closure deciding about one request.
    public typealias Authenticator = @Sendable (ZAPRequest) -> ZAPDecision

    private struct State {
        var stopRequested = false
        var finished = false
        var served = 0
        var allowed = 0
        var denied = 0
    }

    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    private init() {}

    /// Binds a REP socket on ``endpoint`` in `context` (on the calling thread, so a failure is
    /// thrown here) and starts serving on a dedicated thread.
    /// - Throws: ``ZeroMQError`` (`EADDRINUSE` when another handler serves the context,
    ///   `ETERM` after shutdown).
    public static func start(
        context: ZeroMQContext, threadName: String = "zeromq-zap", authenticator: @escaping Authenticator
    ) throws -> ZAPHandler {
        let socket = try Socket(context, type: .rep)
        do {
            try socket.set(.linger, 0)
            try socket.bind(endpoint)
        } catch {
            socket.close()
            throw error
        }
        let handler = ZAPHandler()
        let handOver = ZAPHandOver(socket)
        Thread {
            Thread.current.name = threadName
            handler.serve(handOver.socket, authenticator)
        }.start()
        return handler
    }

    /// Requests answered so far: (all, allowed, denied). For tests and metrics.
    public var counts: (served: Int, allowed: Int, denied: Int) {
        state.withLock { ($0.served, $0.allowed, $0.denied) }
    }

    /// Whether the handler still serves.
    public var isRunning: Bool { state.withLock { !$0.finished } }

    /// Stops serving, closes the socket and waits (at most about 200 ms) for the thread.
    /// Calling it again does nothing.
    public func stop() {
        let wait = state.withLock { state -> Bool in
            if state.finished || state.stopRequested { return false }
            state.stopRequested = true
            return true
        }
        if wait { finished.wait() }
    }

    private func serve(_ socket: Socket, _ authenticator: Authenticator) {
        var poller = Poller()
        poller.add(socket, events: .readable)
        defer {
            try? socket.unbind(ZAPHandler.endpoint)  // synchronous, unlike the reaping after close
            socket.close()
            state.withLock { $0.finished = true }
            finished.signal()
        }
        while true {
            if state.withLock({ $0.stopRequested }) { return }
            do {
                guard try poller.poll(timeout: .milliseconds(50)) > 0 else { continue }
                while let request = try socket.tryReceive() {
                    let reply = answer(request.frames, authenticator)
                    try socket.send(reply)
                }
            } catch {
                return  // ETERM (context shut down) or a broken socket: stop serving.
            }
        }
    }

    /// Builds the reply for one request (RFC 27): version, request id, status code, status
    /// text, user id, metadata.
    private func answer(_ frames: [[UInt8]], _ authenticator: Authenticator) -> Message {
        let requestId = frames.count > 1 ? frames[1] : []
        func reply(_ status: Int, _ text: String, _ userId: String = "", _ metadata: [UInt8] = []) -> Message {
            Message([Array("1.0".utf8), requestId, Array(String(status).utf8), Array(text.utf8), Array(userId.utf8), metadata])
        }
        guard frames.count >= 6, frames[0] == Array("1.0".utf8) else {
            state.withLock {
                $0.served += 1; $0.denied += 1
            }
            return reply(400, "malformed ZAP request")
        }
        let request = ZAPRequest(
            domain: String(decoding: frames[2], as: UTF8.self), address: String(decoding: frames[3], as: UTF8.self),
            routingId: frames[4], mechanism: String(decoding: frames[5], as: UTF8.self),
            credentials: Array(frames.dropFirst(6)))
        switch authenticator(request) {
        case .allow(let userId, let metadata):
            state.withLock {
                $0.served += 1; $0.allowed += 1
            }
            return reply(200, "OK", userId, ZAPHandler.encode(metadata))
        case .deny(let status, let text):
            state.withLock {
                $0.served += 1; $0.denied += 1
            }
            let code = status == 300 || status == 500 ? status : 400
            return reply(code, text)
        }
    }

    /// ZMTP metadata: for each property a 1-byte name length, the name, a 4-byte big-endian
    /// value length, the value. Sorted by name so the encoding is stable.
    static func encode(_ metadata: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            let nameBytes = Array(name.utf8.prefix(255))
            let valueBytes = Array(value.utf8)
            bytes.append(UInt8(nameBytes.count))
            bytes += nameBytes
            let count = UInt32(valueBytes.count)
            bytes += [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
            bytes += valueBytes
        }
        return bytes
    }
}

/// Carries the REP socket to the handler thread: after the hand-over only that thread uses it.
private final class ZAPHandOver: @unchecked Sendable {
    let socket: Socket
    init(_ socket: Socket) { self.socket = socket }
}
