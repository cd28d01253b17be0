import Synchronization

/// A request to stop a run early, set from a signal handler and read between messages.
public final class StopRequest: Sendable {
    private let requested = Atomic(false)

    public init() {}

    /// Asks the run to stop: it sends nothing more and finishes what it already sent.
    public func request() { requested.store(true, ordering: .relaxed) }

    public var isRequested: Bool { requested.load(ordering: .relaxed) }
}
