import Testing

@testable import KlimatnavNode

/// The link's one wait mechanism, with real continuations.
@Suite struct WaitersTests {
    actor Box {
        var waiters = Waiters<Int, String>()
        var count: Int { waiters.count }
        func wait(_ key: Int) async -> String { await withCheckedContinuation { waiters.add(key, $0) } }
        func resume(_ key: Int, _ value: String) -> Bool { waiters.resume(key, with: value) }
        func resumeAll() { waiters.resumeAll { "closed \($0)" } }
    }

    @Test func everyWaiterOfAKeyIsWokenOnceAndTheRestOnClose() async {
        let box = Box()
        #expect(await !box.resume(1, "nobody"))
        let first = Task { await box.wait(1) }
        let second = Task { await box.wait(1) }
        let other = Task { await box.wait(2) }
        while await box.count < 3 { await Task.yield() }
        #expect(await box.resume(1, "welcome"))
        #expect(await first.value == "welcome")
        #expect(await second.value == "welcome")
        #expect(await !box.resume(1, "again"))
        await box.resumeAll()
        #expect(await other.value == "closed 2")
        #expect(await box.count == 0)
    }
}
