import Foundation

/// Runs `body` on a thread of its own and returns its result. For a test's long synchronous
/// computation (a national report in a debug build takes up to a minute): on the cooperative
/// pool, which has one thread per core (two here), it would stall every other test's tasks
/// meanwhile, and time-limited tests would fail for it. `#expect` belongs in the test, after.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
