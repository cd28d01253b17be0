import Foundation

extension ZeroMQContext {
    /// ``shutdown()`` for async code: the blocking `zmq_ctx_term` runs on a thread of its own,
    /// so the Swift cooperative pool is never blocked while sockets finish closing.
    public func shutdownAndWait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                self.shutdown()
                continuation.resume()
            }
            thread.name = "zeromq-shutdown"
            thread.start()
        }
    }
}
