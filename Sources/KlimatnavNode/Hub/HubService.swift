import ServiceLifecycle

/// The hub as a swift-service-lifecycle service: a graceful shutdown (SIGTERM, SIGINT)
/// closes the sockets, so the hub finishes the batch in hand (commit, answers) and returns.
public struct HubService: Service {
    let hub: Hub

    public init(hub: Hub) { self.hub = hub }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await hub.run()
        } onGracefulShutdown: {
            hub.shutdown()
        }
    }
}
