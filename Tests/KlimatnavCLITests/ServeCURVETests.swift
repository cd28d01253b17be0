import Foundation
import Testing

/// `klimatnav serve --key --hub-key` against a CURVE hub process: the live feed follows the
/// secured hub, reconnects by itself, and a wrong or missing key stops it at start-up.
/// Nested in MultiProcessTests (serialized): real processes on a 2-core machine.
extension MultiProcessTests {
    @Suite(.timeLimit(.minutes(5))) struct ServeCURVETests {
        static let liveGap = "governance-gap:hydrogen-infrastructure:national"

        /// Keys (hub, energimyndigheten, the dashboard subscriber, an unauthorized subscriber, a
        /// second hub), the authorized directory, and a database holding the embedded playbook.
        struct Setup {
            let scratch: Scratch
            var authorized: String { scratch.path("authorized") }
            var hubKey: String { scratch.path("hub/hub.key") }
            var hubPub: String { scratch.path("hub/hub.pub") }
            var db: String { scratch.path("hub.db") }

            init() async throws {
                scratch = try Scratch()
                try FileManager.default.createDirectory(atPath: scratch.path("authorized"), withIntermediateDirectories: true)
                for arguments in [
                    ["--hub", "--dir", scratch.path("hub")], ["--hub", "--dir", scratch.path("other-hub")],
                    ["--party", "energimyndigheten", "--dir", scratch.path("nodes")],
                    ["--party", "viable-cities", "--dir", scratch.path("nodes")],
                    ["--subscriber", "dashboard", "--dir", scratch.path("dash")],
                    ["--subscriber", "stranger", "--dir", scratch.path("dash")],
                ] {
                    let result = try await Klimatnav.run(["keys", "generate"] + arguments)
                    #expect(result.status == 0, "\(result.stderr)")
                }
                for file in ["nodes/energimyndigheten.pub", "nodes/viable-cities.pub", "dash/dashboard.subscriber.pub"] {
                    let name = URL(fileURLWithPath: file).lastPathComponent
                    try FileManager.default.copyItem(atPath: scratch.path(file), toPath: "\(scratch.path("authorized"))/\(name)")
                }
                let run = try await Klimatnav.run(["run", "--db", scratch.path("hub.db")])
                #expect(run.status == 0, "\(run.stderr)")
            }

            /// Starts the CURVE hub; returns it with its ROUTER and PUB endpoints.
            func startHub(
                router: String = "tcp://127.0.0.1:*", publish: String = "tcp://127.0.0.1:*"
            ) async throws -> (Process, String, String) {
                let (hub, banner) = try await Klimatnav.start([
                    "hub", "--bind", router, "--publish", publish, "--db", db, "--keys", authorized, "--secret-key", hubKey,
                ])
                let words = banner.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                #expect(banner.contains("CURVE"), "\(banner)")
                guard words.count > 6, words[3].hasPrefix("tcp://"), words[6].hasPrefix("tcp://") else {
                    Issue.record("hub banner: \(banner)")
                    return (hub, "", "")
                }
                return (hub, words[3], words[6])
            }
        }

        func curl(_ url: String) async throws -> String {
            try await Subprocess.run("/usr/bin/curl", ["-s", "--max-time", "5", url]).stdout
        }

        /// Asks `url` every 100 ms until `done` holds for the answer (at most 30 s); returns the last answer.
        func poll(_ url: String, until done: (String) -> Bool) async throws -> String {
            var answer = ""
            for _ in 0..<300 {
                answer = try await curl(url)
                if done(answer) { return answer }
                try await Task.sleep(for: .milliseconds(100))
            }
            return answer
        }

        @Test func theFeedFollowsACURVEHubAndReconnectsAfterARestart() async throws {
            let setup = try await Setup()
            defer { setup.scratch.remove() }
            var (hub, router, publisher) = try await setup.startHub()
            defer { hub.terminate() }
            let (serve, banner) = try await Klimatnav.start([
                "serve", "--db", setup.db, "--hub", publisher, "--http", "127.0.0.1:0",
                "--key", setup.scratch.path("dash/dashboard.subscriber.key"), "--hub-key", setup.hubPub,
            ])
            defer { serve.terminate() }
            #expect(banner.hasPrefix("dashboard at http://127.0.0.1:"), "\(banner)")
            #expect(banner.contains("(live feed from \(publisher), CURVE)"))
            let base = String(banner.split(separator: " ")[2].dropLast())
            #expect(try await curl("\(base)/api/feed") == #"{"state":"connected"}"#)
            let stream = try await Subprocess.run("/usr/bin/curl", ["-sN", "--max-time", "2", "\(base)/events"]).stdout
            #expect(stream.contains("event: status\ndata: {\"state\":\"connected\"}"), "\(stream)")

            // The hub goes away: the feed says so; the hub comes back on the same ports: it reconnects.
            await MultiProcessTests().stop(hub)
            let down = try await poll("\(base)/api/feed") { $0.contains(#""state":"disconnected""#) }
            #expect(down.contains(#""state":"disconnected""#), "\(down)")
            (hub, _, _) = try await setup.startHub(router: router, publish: publisher)
            let up = try await poll("\(base)/api/feed") { $0 == #"{"state":"connected"}"# }
            #expect(up == #"{"state":"connected"}"#)

            // A node's message resolves a gap; the hub publishes it through CURVE; serve's feed has it.
            let node = try await Klimatnav.run([
                "node", "--party", "energimyndigheten", "--connect", router, "--playbook",
                repositoryRoot.appendingPathComponent("scripts/dashboard-live.yaml").path,
                "--key", setup.scratch.path("nodes/energimyndigheten.key"), "--hub-key", setup.hubPub, "--timeout", "30",
            ])
            #expect(node.status == 0, "\(node.stdout) \(node.stderr)")
            let events = try await poll("\(base)/api/events") { $0.contains(Self.liveGap) }
            let list = try JSONSerialization.jsonObject(with: Data(events.utf8)) as? [[String: Any]]
            let event = list?.first { ($0["gap"] as? [String: Any])?["id"] as? String == Self.liveGap }
            #expect(event?["change"] as? String == "resolved", "\(events)")
            serve.terminate()
            await MultiProcessTests().stop(hub)
        }

        @Test func aWrongOrMissingKeyStopsServeAtStartUpSayingWhy() async throws {
            let setup = try await Setup()
            defer { setup.scratch.remove() }
            let (hub, _, publisher) = try await setup.startHub()
            defer { hub.terminate() }
            func serve(_ extra: [String]) async throws -> Klimatnav.Result {
                try await Klimatnav.run(["serve", "--db", setup.db, "--hub", publisher, "--http", "127.0.0.1:0"] + extra)
            }
            let stranger = setup.scratch.path("dash/stranger.subscriber.key")
            let unauthorized = try await serve(["--key", stranger, "--hub-key", setup.hubPub])
            #expect(unauthorized.status != 0)
            #expect(
                unauthorized.stderr.contains("the hub at \(publisher) refused the key in \(stranger) (ZAP status 400)"),
                "\(unauthorized.stderr)")
            #expect(unauthorized.stderr.contains("NAME.subscriber.pub"))

            let noKey = try await serve([])
            #expect(noKey.status != 0)
            #expect(noKey.stderr.contains("the hub at \(publisher) uses CURVE: give --key FILE"), "\(noKey.stderr)")

            let otherHub = setup.scratch.path("other-hub/hub.pub")
            let wrongHubKey = try await serve(["--key", setup.scratch.path("dash/dashboard.subscriber.key"), "--hub-key", otherHub])
            #expect(wrongHubKey.status != 0)
            #expect(wrongHubKey.stderr.contains("--hub-key \(otherHub) is probably not this hub's public key"), "\(wrongHubKey.stderr)")

            let missing = setup.scratch.path("dash/nobody.subscriber.key")
            let missingFile = try await serve(["--key", missing, "--hub-key", setup.hubPub])
            #expect(missingFile.status != 0)
            #expect(missingFile.stderr.contains("\(missing): cannot read the file"), "\(missingFile.stderr)")

            let halfKeys = try await serve(["--key", stranger])
            #expect(halfKeys.status != 0)
            #expect(halfKeys.stderr.contains("--key and --hub-key go together"), "\(halfKeys.stderr)")

            // The coordinator's key may follow the feed too.
            let (coordinator, banner) = try await Klimatnav.start([
                "serve", "--db", setup.db, "--hub", publisher, "--http", "127.0.0.1:0",
                "--key", setup.scratch.path("nodes/viable-cities.key"), "--hub-key", setup.hubPub,
            ])
            #expect(banner.contains("(live feed from \(publisher), CURVE)"), "\(banner)")
            let base = String(banner.split(separator: " ").dropFirst(2).first?.dropLast() ?? "")
            #expect(try await curl("\(base)/api/feed") == #"{"state":"connected"}"#)
            coordinator.terminate()

            // The refusal is in the hub's audit.
            await MultiProcessTests().stop(hub)
            let rejected = try await Klimatnav.run(["log", "--rejected", "--db", setup.db])
            #expect(rejected.stdout.contains("not-authenticated"), "\(rejected.stdout)")
        }
    }
}
