/// The messages an ``AsyncSocket`` receives, as an `AsyncSequence` of batches.
///
/// Each element holds one or more messages in arrival order (at most
/// ``AsyncSocket/Configuration/maxBatchSize``). Iterating keeps the socket alive.
public struct ReceivedBatches: AsyncSequence, Sendable {
    public typealias Element = [ReceivedMessage]

    let socket: AsyncSocket

    public func makeAsyncIterator() -> Iterator {
        Iterator(socket: socket)
    }

    /// Iterates batches; `nil` once the socket closed.
    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let socket: AsyncSocket

        /// The next batch, or `nil` when the socket closed or the task was cancelled.
        public mutating func next() async throws -> [ReceivedMessage]? {
            try await socket.core.receive()
        }

        /// The next batch, awaited on the caller's executor: `for try await` on an actor
        /// (the hub) does not hop off the actor and back for every batch.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> [ReceivedMessage]? {
            try await socket.core.receive()
        }
    }
}
