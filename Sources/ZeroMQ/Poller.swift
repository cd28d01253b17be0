import CZeroMQ

/// Waits on several sockets (and plain file descriptors) at once with `zmq_poll`.
///
/// Like ``Socket``, a poller belongs to one thread. Typical use on an I/O thread:
///
/// ```swift
/// var poller = Poller()
/// let a = poller.add(router, events: .readable)
/// let b = poller.add(sub, events: .readable)
/// while try poller.poll(timeout: .milliseconds(100)) > 0 {
///     if poller.events(at: a).contains(.readable) { ... router.tryReceive() ... }
/// }
/// ```
public struct Poller {
    /// The readiness conditions to wait for and report.
    public struct Events: OptionSet, Sendable, Hashable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        /// A message can be received (or the descriptor read) without blocking.
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        /// A message can be sent without blocking.
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
        /// An error condition on a plain file descriptor.
        public static let error = Events(rawValue: Int16(ZMQ_POLLERR))
    }

    private var items: [zmq_pollitem_t] = []
    private var sockets: [Socket?] = []

    /// Creates an empty poller.
    public init() {}

    /// The number of registered items.
    public var count: Int { items.count }

    /// Registers a socket and returns its index. The socket must stay open while polled.
    @discardableResult
    public mutating func add(_ socket: Socket, events: Events = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: socket.handle, fd: 0, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Registers a plain file descriptor (for example a pipe used as a wake-up signal).
    @discardableResult
    public mutating func add(fileDescriptor: Int32, events: Events = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: events.rawValue, revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Changes the conditions waited for on item `index` (an empty set ignores it).
    public mutating func setEvents(_ events: Events, at index: Int) {
        items[index].events = events.rawValue
    }

    /// Waits until an item is ready or `timeout` passes (`nil`: no limit, `.zero`: just look).
    /// - Returns: the number of ready items; read each with ``events(at:)``.
    /// - Throws: ``ZeroMQError`` (`ETERM` once the context shut down). `EINTR` is retried.
    @discardableResult
    public mutating func poll(timeout: Duration? = nil) throws -> Int {
        let milliseconds: Int
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            milliseconds = max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        } else {
            milliseconds = -1
        }
        for index in sockets.indices where sockets[index]?.isClosed == true {
            throw ZeroMQError(operation: "zmq_poll", code: czmq_ENOTSOCK())
        }
        while true {
            let result = items.withUnsafeMutableBufferPointer { buffer in
                zmq_poll(buffer.baseAddress, Int32(buffer.count), milliseconds)
            }
            if result >= 0 { return Int(result) }
            let code = czmq_errno()
            if code != czmq_EINTR() { throw ZeroMQError(operation: "zmq_poll", code: code) }
        }
    }

    /// What item `index` was ready for at the last ``poll(timeout:)``.
    public func events(at index: Int) -> Events {
        Events(rawValue: items[index].revents)
    }
}
