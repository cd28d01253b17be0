import CZeroMQ

/// A typed socket option, used with ``Socket/set(_:_:)`` and ``Socket/get(_:)``.
///
/// ```swift
/// try socket.set(.sendHighWaterMark, 10_000)
/// try socket.set(.curveServerKey, serverPublicKey)
/// let linger = try socket.get(.linger)
/// ```
public struct SocketOption<Value>: Sendable {
    /// The option's name, for error messages (for example `"ZMQ_SNDHWM"`).
    public let name: String
    /// The libzmq option number.
    public let code: Int32
    let write: @Sendable (UnsafeMutableRawPointer, Int32, Value) -> Int32
    let read: @Sendable (UnsafeMutableRawPointer, Int32) -> Value?
}

extension SocketOption where Value == Int {
    static func int32(_ name: String, _ code: Int32) -> SocketOption<Int> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                guard var raw = Int32(exactly: value) else { return -2 }
                return zmq_setsockopt(socket, code, &raw, MemoryLayout<Int32>.size)
            },
            read: { socket, code in
                var raw: Int32 = 0
                var size = MemoryLayout<Int32>.size
                return zmq_getsockopt(socket, code, &raw, &size) == 0 ? Int(raw) : nil
            })
    }

    static func int64(_ name: String, _ code: Int32) -> SocketOption<Int> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                var raw = Int64(value)
                return zmq_setsockopt(socket, code, &raw, MemoryLayout<Int64>.size)
            },
            read: { socket, code in
                var raw: Int64 = 0
                var size = MemoryLayout<Int64>.size
                return zmq_getsockopt(socket, code, &raw, &size) == 0 ? Int(raw) : nil
            })
    }
}

extension SocketOption where Value == Bool {
    static func bool(_ name: String, _ code: Int32) -> SocketOption<Bool> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                var raw: Int32 = value ? 1 : 0
                return zmq_setsockopt(socket, code, &raw, MemoryLayout<Int32>.size)
            },
            read: { socket, code in
                var raw: Int32 = 0
                var size = MemoryLayout<Int32>.size
                return zmq_getsockopt(socket, code, &raw, &size) == 0 ? raw != 0 : nil
            })
    }
}

extension SocketOption where Value == [UInt8] {
    static func bytes(_ name: String, _ code: Int32, capacity: Int = 256) -> SocketOption<[UInt8]> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                value.withUnsafeBytes { zmq_setsockopt(socket, code, $0.baseAddress, $0.count) }
            },
            read: { socket, code in
                var buffer = [UInt8](repeating: 0, count: capacity)
                var size = capacity
                guard zmq_getsockopt(socket, code, &buffer, &size) == 0 else { return nil }
                return Array(buffer.prefix(size))
            })
    }
}

extension SocketOption where Value == String {
    static func string(_ name: String, _ code: Int32, capacity: Int = 1024) -> SocketOption<String> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                let bytes = Array(value.utf8)
                return bytes.withUnsafeBytes { zmq_setsockopt(socket, code, $0.baseAddress, $0.count) }
            },
            read: { socket, code in
                var buffer = [CChar](repeating: 0, count: capacity)
                var size = capacity
                guard zmq_getsockopt(socket, code, &buffer, &size) == 0 else { return nil }
                return String(nulTerminated: buffer)
            })
    }
}

extension SocketOption where Value == CurveKey {
    static func curveKey(_ name: String, _ code: Int32) -> SocketOption<CurveKey> {
        SocketOption(
            name: name, code: code,
            write: { socket, code, value in
                value.bytes.withUnsafeBytes { zmq_setsockopt(socket, code, $0.baseAddress, $0.count) }
            },
            read: { socket, code in
                var buffer = [UInt8](repeating: 0, count: 32)
                var size = 32
                guard zmq_getsockopt(socket, code, &buffer, &size) == 0, size == 32 else { return nil }
                return try? CurveKey(bytes: buffer)
            })
    }
}
