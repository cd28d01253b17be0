import Foundation
import Testing

/// scripts/dashboard-test.sh in headless Chromium, when the machine has the browser.
@Suite("Dashboard in a browser", .timeLimit(.minutes(8)))
struct BrowserTests {
    static let venv = ProcessInfo.processInfo.environment["DASHBOARD_VENV"] ?? "/tmp/klimatnav-dashboard-venv"
    static let ready =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.isExecutableFile(atPath: "\(venv)/bin/python")

    /// The `klimatnav` binary built beside the test bundle.
    static var binary: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("klimatnav")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    @Test(
        "browser test: counts equal the database, a live gap event shows without reload",
        .enabled(
            if: ready, "skipped: Chromium, chromium-driver or Selenium missing; run `bash scripts/dashboard-test.sh` (it installs them)"),
        .timeLimit(.minutes(6)))
    func browser() async throws {
        let binary = try #require(Self.binary, "no klimatnav binary beside the tests")
        let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: screenshots) }
        let (status, output) = try await Self.run(
            ["bash", repositoryRoot.appendingPathComponent("scripts/dashboard-test.sh").path],
            environment: ["KLIMATNAV_BIN": binary, "SCREENSHOTS": screenshots.path, "DASHBOARD_VENV": Self.venv])
        #expect(status == 0, "\(output)")
        #expect(output.contains("dashboard browser test passed"))
    }

    /// Runs a process to completion on a thread of its own (never blocking the cooperative pool).
    static func run(_ arguments: [String], environment: [String: String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                        process.arguments = arguments
                        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                        let pipe = Pipe()
                        process.standardOutput = pipe
                        process.standardError = pipe
                        try process.run()
                        let data = pipe.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
                    })
            }.start()
        }
    }
}
