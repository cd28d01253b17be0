import Foundation

/// A value protected by a mutex. Internal: the wrapper needs no dependency beyond Foundation.
///
/// The value lives behind a pointer rather than in a stored `var`, so the hot paths pay no
/// dynamic exclusivity check on top of the lock.
final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private let state: UnsafeMutablePointer<State>

    init(_ state: State) {
        self.state = .allocate(capacity: 1)
        self.state.initialize(to: state)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    @inline(__always)
    func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state.pointee)
    }
}
