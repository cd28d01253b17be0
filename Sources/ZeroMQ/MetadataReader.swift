import CZeroMQ

/// Reads the connection properties of one received message, and only those somebody needs:
/// `User-Id` when the socket authenticates its peers (``Socket/authenticatesPeers``),
/// `Peer-Address` when asked (``Socket/readsPeerAddress``), and ``Socket/readsProperties``.
/// Each `zmq_msg_gets` is a map lookup in libzmq, so a socket that needs none makes none:
/// ``ReceiveState`` then holds no reader at all.
struct MetadataReader {
    private(set) var userId: String?
    private(set) var peerAddress: String?
    private(set) var properties: [String: String] = [String: String]()
    private let readsUserId: Bool
    private let readsPeerAddress: Bool
    private let names: [String]
    private var done = false

    /// A reader for `socket`'s current settings, or `nil` when it needs no property.
    static func needed(by socket: Socket) -> MetadataReader? {
        let reader = MetadataReader(
            readsUserId: socket.authenticatesPeers, readsPeerAddress: socket.readsPeerAddress,
            names: socket.readsProperties)
        return reader.readsUserId || reader.readsPeerAddress || !reader.names.isEmpty ? reader : nil
    }

    private init(readsUserId: Bool, readsPeerAddress: Bool, names: [String]) {
        self.readsUserId = readsUserId
        self.readsPeerAddress = readsPeerAddress
        self.names = names
    }

    /// Reads from the first frame that carries connection metadata. A ROUTER's routing-id
    /// frame has none when the socket was polled first (libzmq 4.3 builds it without the
    /// metadata in `xhas_in`), so the payload frames are asked too; `last` marks the final
    /// frame, the last chance.
    mutating func read(_ message: UnsafeMutablePointer<zmq_msg_t>, last: Bool) {
        guard !done, last || zmq_msg_gets(message, "Socket-Type") != nil else { return }
        done = true
        if readsUserId, let value = zmq_msg_gets(message, "User-Id") { userId = String(cString: value) }
        if readsPeerAddress, let value = zmq_msg_gets(message, "Peer-Address") { peerAddress = String(cString: value) }
        for name in names {
            if let value = zmq_msg_gets(message, name) { properties[name] = String(cString: value) }
        }
    }
}
