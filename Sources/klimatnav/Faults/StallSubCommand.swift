import ArgumentParser
import Foundation
import ZeroMQ

/// `klimatnav stall-sub` (hidden, for the slow-subscriber test): subscribes to the hub's
/// PUB socket and never reads, for --seconds. The hub must drop for it, not grow.
struct StallSubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stall-sub", abstract: "A subscriber that never reads (fault tests).", shouldDisplay: false)

    @Option(help: "The hub's PUB endpoint.") var connect: String
    @Option(help: "How long to stay connected without reading.") var seconds: Double = 10

    func run() throws {
        let context = try ZeroMQContext()
        let socket = try Socket(context, type: .sub)
        try socket.set(.linger, 0)
        try socket.subscribe()
        try socket.connect(connect)
        emit("stall-sub: connected")
        Thread.sleep(forTimeInterval: seconds)
        socket.close()
        context.shutdown()
    }
}
