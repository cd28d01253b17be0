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
            var state = ReceiveState(self)
            if let message = try receive(flags: 0, state: &state) { return message }
            // EAGAIN from a blocking receive means the receive timeout expired.
            throw ZeroMQError(operation: "zmq_msg_recv", code: czmq_EAGAIN())
        }
    }

    /// Receives a message if one is waiting.
    /// - Returns: `nil` when none is (`EAGAIN`).
    public func tryReceive() throws -> ReceivedMessage? {
        var state = ReceiveState(self)
        return try receive(flags: ZMQ_DONTWAIT, state: &state)
    }

    /// Sends every frame with `ZMQ_SNDMORE` but the last. libzmq delivers multipart messages
    /// atomically, so only the first frame can fail with `EAGAIN`.
    func send(_ message: Message, flags: Int32) throws -> Bool {
        let socket = try open("zmq_send")
        let count = message.frames.count
        if count == 0 { return try send(socket, UnsafeRawBufferPointer(start: nil, count: 0), flags: flags, index: 0, more: false) }
        for index in 0..<count {
            // Borrowed in place: no copy of the frames array, no retain of each frame.
            let sent = try message.frames[index].withUnsafeBytes { bytes in
                try send(socket, bytes, flags: flags, index: index, more: index < count - 1)
            }
            if !sent { return false }
        }
        return true
    }

    /// Sends frame `index` of a message; `false` on `EAGAIN` of a non-blocking first frame.
    private func send(
        _ socket: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer, flags: Int32, index: Int, more: Bool
    ) throws -> Bool {
        let frameFlags = more ? flags | ZMQ_SNDMORE : flags
        var result: Int32
        repeat {
            result = zmq_send(socket, bytes.baseAddress, bytes.count, frameFlags)
        } while result < 0 && czmq_errno() == czmq_EINTR()
        guard result < 0 else { return true }
        let code = czmq_errno()
        if code == czmq_EAGAIN() && index == 0 && flags & ZMQ_DONTWAIT != 0 { return false }
        throw ZeroMQError(operation: "zmq_send", code: code)
    }

    /// Receives all frames of one message through a `zmq_msg_t` that is always closed.
    /// Returns `nil` on `EAGAIN` before the first frame.
    func receive(flags: Int32, state: inout ReceiveState) throws -> ReceivedMessage? {
        let socket = try open("zmq_msg_recv")
        var metadata: MetadataReader.Values?
        var readsMetadata = state.metadata != nil
        // One- and two-frame messages (the common PUSH/PULL and DEALER -> ROUTER shapes)
        // build the frames array from a literal, which the compiler specialises fully.
        var first: [UInt8]?
        var frames: [[UInt8]] = []
        while true {
            zmq_msg_init(message)
            defer { zmq_msg_close(message) }
            var result: Int32
            let isFirst = first == nil
            repeat {
                result = zmq_msg_recv(message, socket, isFirst ? flags : 0)
            } while result < 0 && czmq_errno() == czmq_EINTR()
            if result < 0 {
                let code = czmq_errno()
                if code == czmq_EAGAIN() && isFirst { return nil }
                throw ZeroMQError(operation: "zmq_msg_recv", code: code)
            }
            let frame = state.frame(message, first: isFirst)
            let more = zmq_msg_more(message) != 0
            if readsMetadata, let values = state.metadata?.read(message, last: !more) {
                metadata = values
                readsMetadata = false
            }
            if let head = first {
                if frames.isEmpty { frames = [head, frame] } else { frames.append(frame) }
            } else {
                first = frame
                if !more { frames = [frame] }
            }
            if !more { break }
        }
        guard let metadata else { return ReceivedMessage(frames: frames) }
        return ReceivedMessage(
            frames: frames, userId: metadata.userId, peerAddress: metadata.peerAddress, properties: metadata.properties)
    }
}
