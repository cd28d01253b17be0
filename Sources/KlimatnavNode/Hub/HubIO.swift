import Foundation
import KlimatnavStore
import Logging
import ZeroMQ

/// What a running hub opened in ``Hub/run()``: its sockets, its ZAP handler and its
/// database. The ROUTER and PUB are bound before the database is opened, so a hub whose
/// address is taken refuses before it creates or locks any file.
struct HubIO: Sendable {
    let router: AsyncSocket
    let publisher: HubPublisher?
    /// The ZAP handler under CURVE, started before the sockets (fail closed).
    let zap: ZAPHandler?
    let store: HubStore
    let endpoints: HubEndpoints

    /// ``open(context:options:logger:time:openStore:)`` on a thread of its own: binding waits
    /// for each socket's I/O thread, and opening the database reads (and may migrate) the
    /// file, so neither runs on the cooperative pool.
    static func openOffPool(
        context: ZeroMQContext, options: HubOptions, logger: Logger, time: HubTime,
        openStore: @escaping @Sendable () throws -> HubStore
    ) async throws -> HubIO {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try open(context: context, options: options, logger: logger, time: time, openStore: openStore) })
            }
            thread.name = "hub-open"
            thread.start()
        }
    }

    /// Binds the sockets as `options` say, then opens the database with `openStore`.
    static func open(
        context: ZeroMQContext, options: HubOptions, logger: Logger, time: HubTime, openStore: () throws -> HubStore
    ) throws -> HubIO {
        // Fail closed: no ZAP handler, no CURVE sockets (libzmq would admit any key).
        let security = options.security
        let zap = try security.map { security in
            try ZAPHandler.start(context: context, threadName: "hub-zap") { security.authenticate($0) }
        }
        var opened: [AsyncSocket] = []
        do {
            // Received messages waiting for the hub: a few batches' worth. Beyond that the I/O
            // thread stops reading and libzmq's high-water mark pushes back on the nodes, so a
            // flood waits in the kernel and the nodes' outboxes, not in the hub's memory.
            let buffers = AsyncSocket.Configuration(maxBatchSize: 512, receiveBufferLimit: 1024, threadName: "hub-router")
            let router = try AsyncSocket(context, type: .router, configuration: buffers) { socket in
                try security?.configureServer(socket)
                try socket.set(.linger, 0)
                try socket.set(.maxMessageSize, options.maxMessageBytes)
                try socket.set(.receiveHighWaterMark, options.receiveHighWaterMark)
                try socket.set(.sendHighWaterMark, options.highWaterMark)
                try socket.set(.routerMandatory, true)
                for endpoint in options.bind { try socket.bind(endpoint) }
            }
            opened.append(router)
            let publisher =
                try options.publish.isEmpty ? nil : HubPublisher.bind(context: context, options: options, logger: logger, now: time.now)
            if let publisher { opened.append(publisher.socket) }
            let store = try openStore()
            return HubIO(
                router: router, publisher: publisher, zap: zap, store: store,
                endpoints: HubEndpoints(router: router.lastEndpoint, publisher: publisher?.endpoints.first))
        } catch {
            for socket in opened { socket.close() }
            // `stop()` waits for the handler's thread: not on the cooperative pool.
            if let zap { Thread { zap.stop() }.start() }
            throw error
        }
    }

    /// Closes the sockets: the reader then finds the end of the ROUTER's messages.
    func close() {
        router.close()
        publisher?.socket.close()
    }
}

/// The endpoints a hub's sockets are bound to, wildcard ports resolved.
public struct HubEndpoints: Sendable {
    /// The ROUTER, where nodes connect (`tcp://127.0.0.1:40123`).
    public let router: String?
    /// The PUB, where subscribers connect; `nil` when the hub publishes nothing.
    public let publisher: String?
}
