import CZeroMQ

extension Socket {
    /// Sends a multipart message, blocking while the high-water mark is reached
    /// (for at most ``SocketOption/sendTimeout``).
    /// - Throws: ``ZeroMQError`` (`EAGAIN` on timeout, `EHOSTUNREACH`, `ETERM`, ...).
    public func send(_ message: Message) throws {
        _ = try send(message, flags: 0)
    }

    /// Sends a multipart message of frames.
    public func send(frames: [[UInt8]]) throws {
        try send(Message(frames))
    }

    /// Sends without blocking.
    /// - Returns: `false` when the message could not be queued now (`EAGAIN`).
    public func trySend(_ message: Message) throws -> Bool {
        try send(message, flags: ZMQ_DONTWAIT)
    }

    /// Receives one whole multipart message, blocking until one arrives (for at most
    /// ``SocketOption/receiveTimeout``).
    /// - Throws: ``ZeroMQError`` (`EAGAIN` on timeout, `ETERM`, ...).
    public func receive() throws -> ReceivedMessage {
        while true {
            if let message = try receive(flags: 0) { return message }
            // EAGAIN from a blocking receive means the receive timeout expired.
            throw ZeroMQError(operation: "zmq_msg_recv", code: czmq_EAGAIN())
        }
    }

    /// Receives a message if one is waiting.
    /// - Returns: `nil` when none is (`EAGAIN`).
    public func tryReceive() throws -> ReceivedMessage? {
        try receive(flags: ZMQ_DONTWAIT)
    }

    /// Sends every frame with `ZMQ_SNDMORE` but the last. libzmq delivers multipart messages
    /// atomically, so only the first frame can fail with `EAGAIN`.
    func send(_ message: Message, flags: Int32) throws -> Bool {
        let socket = try open("zmq_send")
        let frames = message.frames.isEmpty ? [[]] : message.frames
        let last = frames.count - 1
        for (index, frame) in frames.enumerated() {
            let frameFlags = index < last ? flags | ZMQ_SNDMORE : flags
            var result: Int32
            repeat {
                result = frame.withUnsafeBytes { bytes in
                    zmq_send(socket, bytes.baseAddress, bytes.count, frameFlags)
                }
            } while result < 0 && czmq_errno() == czmq_EINTR()
            if result < 0 {
                let code = czmq_errno()
                if code == czmq_EAGAIN() && index == 0 && flags & ZMQ_DONTWAIT != 0 { return false }
                throw ZeroMQError(operation: "zmq_send", code: code)
            }
        }
        return true
    }

    /// Receives all frames of one message through a `zmq_msg_t` that is always closed.
    /// Returns `nil` on `EAGAIN` before the first frame.
    func receive(flags: Int32) throws -> ReceivedMessage? {
        let socket = try open("zmq_msg_recv")
        var frames: [[UInt8]] = []
        var userId: String?
        var peerAddress: String?
        var properties: [String: String] = [:]
        var propertiesRead = false
        while true {
            zmq_msg_init(message)
            defer { zmq_msg_close(message) }
            var result: Int32
            repeat {
                result = zmq_msg_recv(message, socket, frames.isEmpty ? flags : 0)
            } while result < 0 && czmq_errno() == czmq_EINTR()
            if result < 0 {
                let code = czmq_errno()
                if code == czmq_EAGAIN() && frames.isEmpty { return nil }
                throw ZeroMQError(operation: "zmq_msg_recv", code: code)
            }
            let size = zmq_msg_size(message)
            let data = zmq_msg_data(message)
            frames.append(
                [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                    if size > 0, let data { buffer.baseAddress!.initialize(from: data.assumingMemoryBound(to: UInt8.self), count: size) }
                    count = size
                })
            // Connection properties: read from the first frame that carries them. A ROUTER's
            // routing-id frame has none when the socket was polled first (libzmq 4.3 builds it
            // without the metadata in `xhas_in`), so the payload frames are asked too.
            if !propertiesRead, zmq_msg_gets(message, "Socket-Type") != nil || zmq_msg_more(message) == 0 {
                propertiesRead = true
                if let value = zmq_msg_gets(message, "User-Id") { userId = String(cString: value) }
                if readsPeerAddress, let value = zmq_msg_gets(message, "Peer-Address") {
                    peerAddress = String(cString: value)
                }
                for name in readsProperties {
                    if let value = zmq_msg_gets(message, name) { properties[name] = String(cString: value) }
                }
            }
            if zmq_msg_more(message) == 0 { break }
        }
        return ReceivedMessage(frames: frames, userId: userId, peerAddress: peerAddress, properties: properties)
    }
}
