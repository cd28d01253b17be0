import Foundation
import Testing

@testable import ZeroMQ

/// The transports every pattern is tried over.
enum Transport: String, CaseIterable, Sendable {
    case tcp, ipc, inproc

    /// An endpoint to bind: a wildcard TCP port, a fresh IPC path, a fresh inproc name.
    var bindEndpoint: String {
        switch self {
        case .tcp: "tcp://127.0.0.1:*"
        case .ipc: "ipc://\(FileManager.default.temporaryDirectory.path)/zmq-test-\(UUID().uuidString.prefix(8)).sock"
        case .inproc: "inproc://test-\(UUID().uuidString)"
        }
    }
}

struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "timed out after \(seconds) s" }
}

/// Runs `body`, failing with ``TimedOut`` if it takes longer than `seconds`.
func withTimeout<T: Sendable>(
    _ seconds: Double, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// A context plus sockets that are closed (linger 0) and shut down at the end of a test.
final class Fixture {
    let context: ZeroMQContext
    private var sockets: [Socket] = []

    init() throws {
        context = try ZeroMQContext()
    }

    deinit {
        for socket in sockets { socket.close() }
        context.shutdown()
    }

    /// A socket with linger 0 and a 2 s receive timeout, so no test can hang on it.
    func socket(_ type: SocketType) throws -> Socket {
        let socket = try Socket(context, type: type)
        try socket.set(.linger, 0)
        try socket.set(.receiveTimeout, 2000)
        try socket.set(.sendTimeout, 2000)
        sockets.append(socket)
        return socket
    }

    /// Binds `server` on `transport` and connects `client` to the resolved endpoint.
    func link(_ server: Socket, _ client: Socket, over transport: Transport) throws {
        try server.bind(transport.bindEndpoint)
        let endpoint = try #require(server.lastEndpoint)
        try client.connect(endpoint)
    }
}

extension Message {
    static func text(_ parts: String...) -> Message { Message(strings: parts) }
}
