import Foundation

/// Where a long-lived party node keeps its files, all named after its replica database
/// `PATH`: the node's own folder `PATH.node/` (mode 0700, only the node's user), holding the
/// local hand-over socket `say.ipc` (0600), the durable outbox `outbox.db` and the inbox's
/// read mark `inbox-read`.
public struct NodePaths: Sendable, Hashable {
    /// The replica: a Klimatnav database that `gaps`, `report` and `serve` read.
    public let replica: String
    public let directory: String

    public init(replica: String) {
        self.replica = replica
        directory = replica + ".node"
    }

    public var socket: String { directory + "/say.ipc" }
    public var endpoint: String { "ipc://" + socket }
    public var outbox: String { directory + "/outbox.db" }
    public var inboxMark: String { directory + "/inbox-read" }

    /// The longest socket path the system accepts (`sun_path`, less its terminating zero).
    public static let maxSocketPath = 107

    /// Why the socket path cannot be used, or `nil`.
    public var socketProblem: String? {
        socket.utf8.count > Self.maxSocketPath
            ? "the hand-over socket \(socket) is longer than \(Self.maxSocketPath) bytes; put the database in a folder with a shorter path"
            : nil
    }

    /// Creates the node's folder if missing and makes it private to this user (0700).
    public func makeDirectory() throws {
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
    }
}
