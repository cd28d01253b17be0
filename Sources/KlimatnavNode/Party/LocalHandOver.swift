import Foundation
import Logging
import ZeroMQ

/// The node's side of the local hand-over (Protocols/klimatnav-local-v1.md): a ROUTER on an
/// ipc socket in the node's private folder; each request is answered by `handler`, several at
/// once (one waiting for the hub does not hold up the next).
public final class LocalHandOver: Sendable {
    let socket: AsyncSocket
    let logger: Logger
    public let paths: NodePaths

    /// Binds the socket and makes it private to this user (0600, in a 0700 folder).
    public init(context: ZeroMQContext, paths: NodePaths, logger: Logger) throws {
        if let problem = paths.socketProblem { throw LocalHandOverError(problem) }
        try paths.makeDirectory()
        self.paths = paths
        self.logger = logger
        socket = try AsyncSocket(context, type: .router, configuration: .init(threadName: "say")) { socket in
            try socket.set(.linger, 0)
            try socket.bind(paths.endpoint)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: paths.socket)
    }

    /// Answers requests until ``close()``.
    public func run(_ handler: @escaping @Sendable (LocalRequest) async -> LocalAnswer) async {
        await withTaskGroup(of: Void.self) { group in
            do {
                for try await batch in socket.batches {
                    for received in batch {
                        let frames = received.frames
                        guard frames.count >= 2, let body = frames.last else { continue }
                        group.addTask { [socket] in
                            let answer = await Self.answer(body, handler)
                            let json = (try? JSONEncoder().encode(answer)) ?? Data()
                            try? await socket.send(Message([frames[0], [], Array(json)]))
                        }
                    }
                }
            } catch {
                logger.warning("local hand-over stopped: \(error)")
            }
            group.cancelAll()
        }
    }

    static func answer(_ body: [UInt8], _ handler: @Sendable (LocalRequest) async -> LocalAnswer) async -> LocalAnswer {
        let request: LocalRequest
        do {
            request = try JSONDecoder().decode(LocalRequest.self, from: Data(body))
        } catch {
            return LocalAnswer(
                outcome: .invalid,
                errors: [
                    "expected a request of klimatnav-local-v1 (JSON with version, message, body, waitMs), found one this node cannot read: \(error)"
                ])
        }
        guard request.version == 1 else {
            return LocalAnswer(
                outcome: .invalid,
                errors: ["expected version 1 of the local protocol, found \(request.version); use a klimatnav of the node's version"])
        }
        return await handler(request)
    }

    public func close() {
        socket.close()
        try? FileManager.default.removeItem(atPath: paths.socket)
    }
}

/// Why the local hand-over could not start.
public struct LocalHandOverError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
