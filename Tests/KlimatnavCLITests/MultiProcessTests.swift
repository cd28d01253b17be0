import Foundation
import Testing

@Suite(.serialized, .timeLimit(.minutes(5))) struct MultiProcessTests {
    /// The parties of the embedded playbook that have a node (reference levels have none).
    static let nodeParties = [
        "enkoping", "goteborg", "jarfalla", "lund", "malmo", "stockholm", "umea", "uppsala", "vaxjo",
        "energimyndigheten", "vinnova", "formas", "tillvaxtverket", "viable-cities", "fossilfritt-sverige", "lfm2030",
        "stuns", "urban-futures", "klimat2030-vg", "stockholm-regional-climate", "stockholm-county-innovation-network",
        "firs-skane", "greater-copenhagen-green-charter", "north-sweden-innovation-partnership", "biofuel-region",
        "sustainable-smaland", "kronoberg-environment-network",
    ]

    func startHub(_ db: String) async throws -> (Process, String) {
        let (hub, banner) = try await Klimatnav.start(["hub", "--bind", "tcp://127.0.0.1:*", "--db", db])
        let endpoint = banner.split(separator: " ").dropFirst(3).first.map(String.init) ?? ""
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"), "hub banner: \(banner)")
        return (hub, endpoint.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
    }

    /// Runs node processes for `parties`, all at once, and checks each exits 0.
    func runNodes(_ parties: [String], endpoint: String) async throws {
        let results = try await withThrowingTaskGroup(of: (String, Klimatnav.Result).self) { group in
            for party in parties {
                group.addTask {
                    (party, try await Klimatnav.run(["node", "--party", party, "--connect", endpoint, "--timeout", "30"]))
                }
            }
            var results: [String: Klimatnav.Result] = [:]
            for try await (party, result) in group { results[party] = result }
            return results
        }
        for party in parties {
            let result = results[party]
            #expect(result?.status == 0, "node \(party): \(result?.stdout ?? "") \(result?.stderr ?? "")")
        }
    }

    func stop(_ hub: Process) async {
        hub.terminate()  // SIGTERM: graceful shutdown
        await withCheckedContinuation { continuation in
            Thread {
                hub.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    @Test func aHubAndNodeProcessesFindTheSameGapsAsRun() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try await Klimatnav.run(["run", "--db", scratch.path("run.db")]).status == 0)
        let expected = try await gaps(scratch.path("run.db"))

        let (hub, endpoint) = try await startHub(scratch.path("hub.db"))
        // Nodes start in reverse order, several at once: dependencies arrive out of order.
        try await runNodes(Self.nodeParties.reversed(), endpoint: endpoint)
        await stop(hub)
        #expect(hub.terminationStatus == 0)
        let found = try await gaps(scratch.path("hub.db"))
        #expect(Set(found.map(\.id)) == Set(expected.map(\.id)))
        #expect(
            Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.summary) })
                == Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0.summary) }))
    }

    @Test func stateAndOpenGapsSurviveAHubRestartBetweenTwoHalves() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try await Klimatnav.run(["run", "--db", scratch.path("run.db")]).status == 0)
        let expected = try await gaps(scratch.path("run.db"))
        let db = scratch.path("hub.db")
        let half = Self.nodeParties.count / 2
        let (first, endpoint) = try await startHub(db)
        try await runNodes(Array(Self.nodeParties.prefix(half)), endpoint: endpoint)
        await stop(first)
        let midway = try await gaps(db)
        #expect(!midway.isEmpty)
        let (second, endpoint2) = try await startHub(db)
        // What was open before the restart is open after it, before anything new arrives.
        #expect(Set(try await gaps(db).map(\.id)) == Set(midway.map(\.id)))
        try await runNodes(Array(Self.nodeParties.suffix(from: half)), endpoint: endpoint2)
        await stop(second)
        #expect(Set(try await gaps(db).map(\.id)) == Set(expected.map(\.id)))
        let history = try await gaps(db, ["--all"])
        #expect(history.count >= expected.count)
    }
}
