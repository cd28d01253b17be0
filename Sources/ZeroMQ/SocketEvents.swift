/// The events a ``SocketMonitor`` reads, as an `AsyncSequence`.
public struct SocketEvents: AsyncSequence, Sendable {
    public typealias Element = SocketEvent

    let reader: AsyncSocket

    public func makeAsyncIterator() -> Iterator { Iterator(batches: reader.batches.makeAsyncIterator(), reader: reader) }

    /// Iterates events; `nil` once the monitor stopped or the reader closed.
    public struct Iterator: AsyncIteratorProtocol {
        var batches: ReceivedBatches.Iterator
        let reader: AsyncSocket
        var pending: [SocketEvent] = []
        var stopped = false

        public mutating func next() async throws -> SocketEvent? {
            while pending.isEmpty {
                if stopped { return nil }
                guard let batch = try await batches.next() else { return nil }
                pending = batch.compactMap { SocketEvent(frames: $0.frames) }.reversed()
            }
            let event = pending.removeLast()
            if event.kind == .monitorStopped {
                stopped = true
                pending = []
                reader.close()
            }
            return event
        }
    }
}
