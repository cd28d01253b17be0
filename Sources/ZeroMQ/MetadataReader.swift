import CZeroMQ

/// Which connection properties a socket reads from its received messages, and only those
/// somebody needs: `User-Id` when the socket authenticates its peers
/// (``Socket/authenticatesPeers``), `Peer-Address` when asked (``Socket/readsPeerAddress``),
/// and ``Socket/readsProperties``. Each `zmq_msg_gets` is a map lookup in libzmq, so a socket
/// that needs none makes none: ``ReceiveState`` then holds no reader at all.
struct MetadataReader {
    /// What one message's connection carried.
    struct Values {
        var userId: String?
        var peerAddress: String?
        var properties = [String: String]()
    }

    private let readsUserId: Bool
    private let readsPeerAddress: Bool
    private let names: [String]

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

    /// Reads the properties if this frame carries connection metadata; `nil` if it carries
    /// none. A ROUTER's routing-id frame has none when the socket was polled first (libzmq
    /// 4.3 builds it without the metadata in `xhas_in`), so the payload frames are asked too;
    /// `last` marks the final frame, the last chance, which is read in any case.
    func read(_ message: UnsafeMutablePointer<zmq_msg_t>, last: Bool) -> Values? {
        guard last || zmq_msg_gets(message, "Socket-Type") != nil else { return nil }
        var values = Values()
        if readsUserId, let value = zmq_msg_gets(message, "User-Id") { values.userId = String(cString: value) }
        if readsPeerAddress, let value = zmq_msg_gets(message, "Peer-Address") {
            values.peerAddress = String(cString: value)
        }
        for name in names {
            if let value = zmq_msg_gets(message, name) { values.properties[name] = String(cString: value) }
        }
        return values
    }
}
