import BenchSupport
import Foundation

/// `klimatnav run` on an embedded playbook (the seed by default, `sverige` for all of Sweden),
/// as a whole process (start-up included), on a fresh database each time; one warm-up run,
/// then `runs` timed runs.
enum RunBenchmark {
    static func run(klimatnav: String, runs: Int, playbook: String? = nil) throws -> (median: Double, min: Double, max: Double) {
        var times: [Double] = []
        for run in 0...runs {
            let db = NSTemporaryDirectory() + "klimatnav-bench-run-\(getpid())-\(run).db"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: klimatnav)
            process.arguments = ["run"] + (playbook.map { [$0] } ?? []) + ["--db", db]
            process.standardOutput = FileHandle.nullDevice
            let start = now()
            try process.run()
            process.waitUntilExit()
            let elapsed = now() - start
            guard process.terminationStatus == 0 else { throw BenchError("klimatnav run exited with \(process.terminationStatus)") }
            if run > 0 { times.append(elapsed) }
            Bench.progress(
                "klimatnav run \(playbook ?? "seed") #\(run): \(String(format: "%.3f", elapsed)) s\(run == 0 ? " (warm-up)" : "")")
        }
        return (Bench.median(times), times.min()!, times.max()!)
    }
}
