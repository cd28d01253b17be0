import CZeroMQ
import Foundation

/// The events of one socket (connections, disconnections, security handshakes), read on a
/// dedicated thread: libzmq's `zmq_socket_monitor` writes them to an inproc PAIR socket,
/// which an ``AsyncSocket`` of type PAIR reads.
///
/// Start it with ``start(on:events:threadName:)`` on the monitored socket's own thread
/// *before* that socket binds or connects (in ``AsyncSocket``'s `setUp` closure). The reader
/// is connected before `start` returns, because libzmq sends the events without
/// `ZMQ_DONTWAIT`: nobody may stop reading while the monitored socket lives. Iterate
/// ``events`` until it ends: it ends after ``SocketEvent/Kind/monitorStopped`` (the monitored
/// socket closed), and closes the reader then.
///
/// ```swift
/// var monitor: SocketMonitor?
/// let sub = try AsyncSocket(context, type: .sub) { socket in
///     monitor = try SocketMonitor.start(on: socket)
///     try socket.connect("tcp://127.0.0.1:5556")
/// }
/// for try await event in monitor!.events where event.kind == .handshakeSucceeded { ... }
/// ```
public final class SocketMonitor: Sendable {
    /// The inproc endpoint the events travel on.
    public let endpoint: String
    let reader: AsyncSocket

    private init(endpoint: String, reader: AsyncSocket) {
        self.endpoint = endpoint
        self.reader = reader
    }

    /// Starts monitoring `socket` for `events` (`ZMQ_EVENT_*` bits; default all).
    /// - Throws: ``ZeroMQError`` from `zmq_socket_monitor` or from the reader.
    public static func start(
        on socket: Socket, events: Int32 = ZMQ_EVENT_ALL, threadName: String = "zeromq-monitor"
    ) throws -> SocketMonitor {
        let endpoint = "inproc://zeromq.monitor.\(UUID().uuidString)"
        guard zmq_socket_monitor(try socket.open("zmq_socket_monitor"), endpoint, events) == 0 else {
            throw ZeroMQError.current("zmq_socket_monitor(\(endpoint))")
        }
        do {
            let reader = try AsyncSocket(socket.context, type: .pair, configuration: .init(threadName: threadName)) { pair in
                try pair.set(.linger, 0)
                try pair.connect(endpoint)
            }
            return SocketMonitor(endpoint: endpoint, reader: reader)
        } catch {
            _ = zmq_socket_monitor(try? socket.open("zmq_socket_monitor"), nil, 0)
            throw error
        }
    }

    /// The events in order; ends after ``SocketEvent/Kind/monitorStopped`` or when the
    /// context shuts down. Iterate from one task only.
    public var events: SocketEvents { SocketEvents(reader: reader) }

    /// Closes the reader. Only after the monitored socket closed (see the type's notes).
    public func close() { reader.close() }
}
