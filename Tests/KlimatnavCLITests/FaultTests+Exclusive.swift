import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One writer per database, clean interrupts (scripts/faults.sh `dual-hub`, RELIABILITY.md).
extension FaultTests {
    @Test(.timeLimit(.minutes(1))) func aSecondHubOrRunOnTheSameDatabaseRefusesAndNothingAcknowledgedIsLost() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("dual.db")
        let (first, endpoint, _) = try await hub(db)
        let pid = first.process.processIdentifier
        let outbox = scratch.path("lund.outbox")
        let node = try stream("lund", endpoint, count: 400, outbox: outbox, rate: 400)
        _ = try await node.line(containing: "started")
        // While the first hub acknowledges, a second hub and a `run` try the same file, again and again.
        for _ in 0..<3 {
            let second = try await Klimatnav.run(["hub", "--bind", "tcp://127.0.0.1:*", "--db", db])
            #expect(second.status != 0)
            #expect(second.stderr.contains(db) && second.stderr.contains("pid \(pid)"), "\(second.stderr)")
            #expect(second.stderr.contains("in use by the Klimatnav hub"), "\(second.stderr)")
            let run = try await Klimatnav.run(["run", "--db", db])
            #expect(run.status != 0)
            #expect(run.stderr.contains(db) && run.stderr.contains("pid \(pid)"), "\(run.stderr)")
        }
        #expect(await node.exit() == 0, "\(node.output)")
        await first.stop()
        let figures = try await check(db, ["lund": outbox])
        #expect(figures["acked"] == 400 && figures["lost"] == 0 && figures["duplicates"] == 0, "\(figures)")
        // The first hub is gone: the file is free again, and its lock file with it.
        #expect(!FileManager.default.fileExists(atPath: db + ".lock"))
        let (again, _, _) = try await hub(db)
        await again.stop()
    }

    @Test(.timeLimit(.minutes(1))) func aHubOnATakenAddressNamesItAndCreatesNoDatabase() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (first, endpoint, _) = try await hub(scratch.path("first.db"))
        let second = scratch.path("second.db")
        let result = try await Klimatnav.run(["hub", "--bind", endpoint, "--db", second])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the address \(endpoint) is already in use"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: second))
        #expect(!FileManager.default.fileExists(atPath: second + ".lock"))
        await first.stop()
    }

    @Test(.timeLimit(.minutes(2))) func ctrlCDuringRunStopsCleanlyWithGapsOfTheStoredFactsOnly() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A synthetic national playbook (thousands of messages), large enough to interrupt mid-way.
        let db = scratch.path("run.db")
        let run = try FaultTests.Child(["run", "--synthetic-scale", "1", "--db", db], captureErrors: true)
        _ = try await run.line(containing: "sending", within: 60, errors: true)
        try await Task.sleep(for: .milliseconds(300))
        kill(run.process.processIdentifier, SIGINT)
        let status = await run.exit()
        #expect(status == 130, "\(run.output) \(run.errors)")
        #expect(run.output.contains("INTERRUPTED:"), "\(run.output)")
        #expect(run.errors.contains("SIGINT received"), "\(run.errors)")
        let figures = try await Klimatnav.run(["fault-check", "--db", db, "--gaps"])
        #expect(figures.stdout.contains("gaps_differ=0"), "\(figures.stdout) \(figures.stderr)")
        #expect(!figures.stdout.contains("gaps_stored=0 "), "\(figures.stdout)")
    }
}
