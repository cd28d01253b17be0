import Foundation
import KlimatnavNode
import ZeroMQ

/// `klimatnav say`'s side of the local hand-over: one request to the node that owns the
/// database's socket, one answer back (Protocols/klimatnav-local-v1.md).
enum LocalClient {
    static func send(_ request: LocalRequest, db: String) async throws -> LocalAnswer {
        let paths = NodePaths(replica: db)
        guard FileManager.default.fileExists(atPath: paths.socket) else {
            throw CLIError(
                """
                no node is running for --db \(db) (no socket \(paths.socket)); start it with \
                `klimatnav node --party ID --connect tcp://HUB:5555 --subscribe tcp://HUB:5556 --db \(db)`
                """)
        }
        let context = try ZeroMQContext()
        defer { Task { await context.shutdownAndWait() } }
        let socket = try AsyncSocket(context, type: .dealer, configuration: .init(threadName: "say-client")) { socket in
            try socket.set(.linger, 0)
            try socket.connect(paths.endpoint)
        }
        try await socket.send(Message([[], Array(try JSONEncoder().encode(request))]))
        let limit = Double(request.waitMs) / 1000 + 5
        let timer = Task {
            try? await Task.sleep(for: .seconds(limit))
            socket.close()
        }
        defer {
            timer.cancel()
            socket.close()
        }
        for try await batch in socket.batches {
            guard let frames = batch.first?.frames, let body = frames.last else { continue }
            do {
                return try JSONDecoder().decode(LocalAnswer.self, from: Data(body))
            } catch {
                throw CLIError("the node for \(db) answered something this klimatnav cannot read (\(error)); are both the same version?")
            }
        }
        throw CLIError("the node for \(db) did not answer within \(Int(limit)) s; is it running? (its socket is \(paths.socket))")
    }
}
