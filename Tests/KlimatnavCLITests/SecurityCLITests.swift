import Foundation
import Testing

/// Nested in MultiProcessTests (serialized) so its hub and node processes never run at the
/// same time as the 27 node processes there: a 2-core machine starves timing-sensitive tests.
extension MultiProcessTests {
    @Suite(.timeLimit(.minutes(5))) struct SecurityCLITests {
        func temporaryDirectory() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-sec-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }

        @Test func theHubRefusesAnExposedBindWithoutKeys() async throws {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = try await Klimatnav.run(["hub", "--bind", "tcp://*:0", "--db", dir.appendingPathComponent("h.db").path])
            #expect(result.status != 0)
            #expect(result.stderr.contains("refusing to listen on tcp://*:0 without CURVE keys"), "\(result.stderr)")
            #expect(result.stderr.contains("--insecure"))
            let half = try await Klimatnav.run(["hub", "--bind", "tcp://127.0.0.1:0", "--keys", dir.path])
            #expect(half.status != 0)
            #expect(half.stderr.contains("--keys DIR and --secret-key FILE go together"), "\(half.stderr)")
        }

        @Test func keysGenerateWritesASecretAndAPublicFile() async throws {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = try await Klimatnav.run(["keys", "generate", "--party", "lund", "--dir", dir.path])
            #expect(result.status == 0, "\(result.stderr)")
            let secret = dir.appendingPathComponent("lund.key").path
            let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let pub = try String(contentsOfFile: dir.appendingPathComponent("lund.pub").path, encoding: .utf8)
            #expect(pub.split(separator: "\n").last?.count == 40)
            let again = try await Klimatnav.run(["keys", "generate", "--party", "lund", "--dir", dir.path])
            #expect(again.status != 0)
            #expect(again.stderr.contains("exists already"))
        }

        /// A CURVE hub and a node process with its key: accepted; the same node without a key or
        /// with an unauthorized key: nothing accepted (it times out).
        @Test func aNodeWithItsKeyTalksToACURVEHub() async throws {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let authorized = dir.appendingPathComponent("authorized")
            let nodes = dir.appendingPathComponent("nodes")
            try FileManager.default.createDirectory(at: authorized, withIntermediateDirectories: true)
            for party in ["lund", "malmo"] {
                _ = try await Klimatnav.run(["keys", "generate", "--party", party, "--dir", nodes.path])
            }
            try FileManager.default.copyItem(
                at: nodes.appendingPathComponent("lund.pub"), to: authorized.appendingPathComponent("lund.pub"))
            _ = try await Klimatnav.run(["keys", "generate", "--hub", "--dir", dir.appendingPathComponent("hub").path])
            let db = dir.appendingPathComponent("hub.db").path
            let (hub, banner) = try await Klimatnav.start([
                "hub", "--bind", "tcp://127.0.0.1:*", "--db", db, "--keys", authorized.path,
                "--secret-key", dir.appendingPathComponent("hub/hub.key").path,
            ])
            defer { hub.terminate() }
            #expect(banner.contains("CURVE, hub key"), "\(banner)")
            let endpoint = String(banner.split(separator: " ")[3]).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            let hubKey = dir.appendingPathComponent("hub/hub.pub").path
            let good = try await Klimatnav.run([
                "node", "--party", "lund", "--connect", endpoint, "--key", nodes.appendingPathComponent("lund.key").path,
                "--hub-key", hubKey, "--timeout", "20",
            ])
            #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
            let plain = try await Klimatnav.run(["node", "--party", "malmo", "--connect", endpoint, "--timeout", "1"])
            #expect(plain.status != 0)
            let unauthorized = try await Klimatnav.run([
                "node", "--party", "malmo", "--connect", endpoint, "--key", nodes.appendingPathComponent("malmo.key").path,
                "--hub-key", hubKey, "--timeout", "1",
            ])
            #expect(unauthorized.status != 0)
            let rejected = try await Klimatnav.run(["log", "--rejected", "--db", db])
            #expect(rejected.stdout.contains("not-authenticated"), "\(rejected.stdout)")
            #expect(!rejected.stdout.contains("malmo#"))
        }
    }
}
