import BenchSupport
import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import Logging
import ZeroMQ

/// The hub's peak memory, measured on the real `klimatnav hub` process (VmHWM from /proc):
/// it restores a national-scale state from a seeded database (the playbook's facts), then
/// nodes in this process stream goal assertions to it; the figure includes the restore, the
/// full recompute at start and the incremental work per message.
enum HubMemoryBenchmark {
    static func run(
        klimatnav: String, playbook: Playbook, seededPath: String, durability: HubStore.Durability, messages: Int, offered: Double?
    ) async throws -> Double {
        let directory = NSTemporaryDirectory() + "klimatnav-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let yaml = directory + "/playbook.yaml"
        try playbook.yaml().write(toFile: yaml, atomically: true, encoding: .utf8)
        let db = directory + "/hub.db"
        try FileManager.default.copyItem(atPath: seededPath, toPath: db)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: seededPath + suffix) {
            try FileManager.default.copyItem(atPath: seededPath + suffix, toPath: db + suffix)
        }
        let port = 20_000 + Int(getpid() % 20_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: klimatnav)
        process.arguments = [
            "hub", "--bind", "tcp://127.0.0.1:\(port)", "--db", db, "--playbook", yaml,
            "--durability", durability.rawValue,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let links = 8
        _ = try await DurableBenchmark.stream(
            context: context, endpoint: "tcp://127.0.0.1:\(port)", playbook: playbook, links: links,
            perLink: messages / links, offered: offered, logger: logger)
        guard let peak = Bench.peakMemoryMB(pid: process.processIdentifier) else {
            throw BenchError("could not read VmHWM of the hub process")
        }
        process.terminate()
        process.waitUntilExit()
        return peak
    }
}
