import CZeroMQ
import Foundation

/// What receiving needs beyond the socket, set up once per run of receives (a batch on the
/// I/O thread, one call on the synchronous API) rather than once per message.
struct ReceiveState {
    /// The properties to read, or `nil` when none is needed.
    let metadata: MetadataReader?
    /// Whether the first frame is a ROUTER's routing id, which repeats from message to message.
    let firstFrameRepeats: Bool
    /// The last routing id received: an equal one is shared instead of allocated again.
    private var routingId: [UInt8] = []

    init(_ socket: Socket) {
        metadata = MetadataReader.needed(by: socket)
        firstFrameRepeats = socket.type == .router
    }

    /// Copies a received frame into an array; a repeated routing id shares the last one's.
    mutating func frame(_ message: UnsafeMutablePointer<zmq_msg_t>, first: Bool) -> [UInt8] {
        let size = zmq_msg_size(message)
        guard size > 0, let data = zmq_msg_data(message) else { return [] }
        let reuse = first && firstFrameRepeats
        if reuse && routingId.count == size && routingId.withUnsafeBytes({ memcmp($0.baseAddress!, data, size) == 0 }) {
            return routingId
        }
        // Copied from a buffer pointer: that initialiser inlines to a fully specialised
        // allocation, where `init(unsafeUninitializedCapacity:)` calls the generic one, which
        // looks up the array storage's type metadata at run time on every call.
        let frame = [UInt8](UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: size))
        if reuse { routingId = frame }
        return frame
    }
}
