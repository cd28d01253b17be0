import Foundation

/// Processor time (user + system, all threads) of this process or of its finished children.
/// Less sensitive than wall time to other load on the machine, so it is reported beside it.
public enum CPUTime {
    public static func seconds(children: Bool) -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    /// Runs `body` and returns its result with the processor nanoseconds it used per item.
    public static func measure<T>(
        items: Int, children: Bool = false, _ body: () async throws -> T
    ) async rethrows -> (T, nanosecondsPerItem: Double) {
        let before = seconds(children: children)
        let result = try await body()
        return (result, (seconds(children: children) - before) * 1e9 / Double(items))
    }
}
