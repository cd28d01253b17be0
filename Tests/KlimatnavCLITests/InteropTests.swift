import Foundation
import Testing

/// A node written in Python from the protocol specification alone (Tests/interop/knav_node.py)
/// talks to a real `klimatnav hub`. `scripts/test.sh` provides Python with pyzmq and sets
/// KLIMATNAV_PYTHON; a plain `swift test` without it skips this test and says so.
@Suite(.timeLimit(.minutes(5))) struct InteropTests {
    static let python = ProcessInfo.processInfo.environment["KLIMATNAV_PYTHON"]

    @Test(.enabled(if: python != nil, "set KLIMATNAV_PYTHON to a Python with pyzmq (scripts/test.sh does)"))
    func aPythonNodeWrittenFromTheSpecWorksWithTheHub() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (hub, banner) = try await Klimatnav.start([
            "hub", "--bind", "tcp://127.0.0.1:*", "--publish", "tcp://127.0.0.1:*", "--db", scratch.path("hub.db"),
        ])
        // "hub listening on tcp://127.0.0.1:P, publishing on tcp://127.0.0.1:Q"
        let endpoints = banner.split(separator: " ").map(String.init).filter { $0.hasPrefix("tcp://") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        #expect(endpoints.count == 2, "\(banner)")
        let result = try await Subprocess.run(
            Self.python!, [repositoryRoot.appendingPathComponent("Tests/interop/knav_node.py").path] + endpoints + ["lund", "malmo"])
        hub.terminate()
        hub.waitUntilExit()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("interop: ok"), "\(result.stdout)")
        let stored = try await gaps(scratch.path("hub.db"))
        #expect(stored.contains { $0.id == "definition-gap:lund.interop-smart:no-number" })
    }
}
