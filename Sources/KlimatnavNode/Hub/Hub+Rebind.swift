import ZeroMQ

extension Hub {
    /// How many times a PUB endpoint's bind is tried again after its unbind (20 ms apart).
    static let rebindAttempts = 100

    /// Unbinds and binds the PUB endpoints again, which cuts every subscriber's connection
    /// (authorized ones reconnect by themselves, ZAP refuses revoked ones). libzmq releases a
    /// TCP port in the background after `zmq_unbind`, so an immediate bind fails with
    /// `EADDRINUSE`: the bind is tried again for up to about 2 s, never blocking the PUB's
    /// I/O thread, and an endpoint that still cannot be bound is logged as an error.
    func rebind(_ publisher: HubPublisher) async {
        for endpoint in publisher.endpoints {
            // ENOENT when an earlier rebind failed: bind it all the same.
            try? await publisher.socket.withSocket { try $0.unbind(endpoint) }
            var attempt = 1
            while true {
                do {
                    try await publisher.socket.withSocket { try $0.bind(endpoint) }
                    break
                } catch  where attempt < Self.rebindAttempts {
                    attempt += 1
                    try? await Task.sleep(for: .milliseconds(20))
                } catch {
                    logger.error(
                        "could not bind the PUB socket to \(endpoint) again after a key change; subscribers cannot reconnect until the hub restarts: \(error)"
                    )
                    break
                }
            }
        }
    }
}
