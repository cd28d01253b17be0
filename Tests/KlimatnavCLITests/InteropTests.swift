import Foundation
import Testing

/// A node written in Python from the protocol specification alone (Tests/interop/knav_node.py)
/// talks to a real `klimatnav hub`: every error code of section 10 end to end, the
/// registration rule, the state a subscriber rebuilds from SNAPSHOT and PUB, and, against a
/// CURVE hub, HELLO's identity check. `scripts/test.sh` provides Python with pyzmq and sets
/// KLIMATNAV_PYTHON; a plain `swift test` without it skips these tests and says so.
@Suite(.timeLimit(.minutes(5))) struct InteropTests {
    static let python = ProcessInfo.processInfo.environment["KLIMATNAV_PYTHON"]
    static let script = repositoryRoot.appendingPathComponent("Tests/interop/knav_node.py").path

    /// The tcp:// endpoints in the hub's banner
    /// ("hub listening on tcp://127.0.0.1:P, publishing on tcp://127.0.0.1:Q").
    func endpoints(_ banner: String) -> [String] {
        banner.split(separator: " ").map(String.init).filter { $0.hasPrefix("tcp://") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
    }

    @Test(.enabled(if: python != nil, "set KLIMATNAV_PYTHON to a Python with pyzmq (scripts/test.sh does)"))
    func aPythonNodeWrittenFromTheSpecWorksWithTheHub() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (hub, banner) = try await Klimatnav.start([
            "hub", "--bind", "tcp://127.0.0.1:*", "--publish", "tcp://127.0.0.1:*", "--db", scratch.path("hub.db"),
        ])
        let endpoints = endpoints(banner)
        #expect(endpoints.count == 2, "\(banner)")
        let result = try await Subprocess.run(Self.python!, [Self.script, "insecure"] + endpoints + [scratch.path("hub.db")])
        hub.terminate()
        hub.waitUntilExit()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("interop: ok"), "\(result.stdout)")
        let stored = try await gaps(scratch.path("hub.db"))
        #expect(stored.contains { $0.id == "definition-gap:lund.interop-smart:no-number" })
    }

    @Test(.enabled(if: python != nil, "set KLIMATNAV_PYTHON to a Python with pyzmq (scripts/test.sh does)"))
    func aPythonNodeOverCURVEMustNameItsAuthenticatedParty() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let nodes = scratch.path("nodes")
        let authorized = scratch.path("authorized")
        try FileManager.default.createDirectory(atPath: authorized, withIntermediateDirectories: true)
        for arguments in [["--party", "lund"], ["--hub"]] {
            let made = try await Klimatnav.run(["keys", "generate"] + arguments + ["--dir", nodes])
            #expect(made.status == 0, "\(made.stderr)")
        }
        try FileManager.default.copyItem(atPath: nodes + "/lund.pub", toPath: authorized + "/lund.pub")
        let (hub, banner) = try await Klimatnav.start([
            "hub", "--bind", "tcp://127.0.0.1:*", "--db", scratch.path("hub.db"), "--keys", authorized,
            "--secret-key", nodes + "/hub.key",
        ])
        let result = try await Subprocess.run(Self.python!, [Self.script, "secure", endpoints(banner).first ?? "?", nodes])
        hub.terminate()
        hub.waitUntilExit()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("interop: ok"), "\(result.stdout)")
    }
}
