import Foundation
import Testing

@Suite(.serialized) struct MultiProcessTests {
    /// The parties of the embedded playbook that have a node (reference levels have none).
    static let nodeParties = [
        "enkoping", "goteborg", "jarfalla", "lund", "malmo", "stockholm", "umea", "uppsala", "vaxjo",
        "energimyndigheten", "vinnova", "formas", "tillvaxtverket", "viable-cities", "fossilfritt-sverige", "lfm2030",
        "stuns", "urban-futures", "klimat2030-vg", "stockholm-regional-climate", "stockholm-county-innovation-network",
        "firs-skane", "greater-copenhagen-green-charter", "north-sweden-innovation-partnership", "biofuel-region",
        "sustainable-smaland", "kronoberg-environment-network",
    ]

    func startHub(_ db: String) throws -> (Process, String) {
        let (hub, banner) = try Klimatnav.start(["hub", "--bind", "tcp://127.0.0.1:*", "--db", db])
        let endpoint = banner.split(separator: " ").dropFirst(3).first.map(String.init) ?? ""
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"), "hub banner: \(banner)")
        return (hub, endpoint.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
    }

    /// Runs node processes for `parties`, all at once, and checks each exits 0.
    func runNodes(_ parties: [String], endpoint: String) throws {
        for chunk in [parties] {
            let results = Locked2<[String: Klimatnav.Result]>([:])
            let threads = chunk.map { party in
                Thread {
                    let result = try? Klimatnav.run(["node", "--party", party, "--connect", endpoint, "--timeout", "30"])
                    results.update { $0[party] = result }
                }
            }
            threads.forEach { $0.start() }
            while results.value.count < chunk.count { usleep(10_000) }
            for party in chunk {
                let result = results.value[party]
                #expect(result?.status == 0, "node \(party): \(result?.stdout ?? "") \(result?.stderr ?? "")")
            }
        }
    }

    func stop(_ hub: Process) {
        hub.terminate()  // SIGTERM: graceful shutdown
        hub.waitUntilExit()
    }

    @Test func aHubAndNodeProcessesFindTheSameGapsAsRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try Klimatnav.run(["run", "--db", scratch.path("run.db")]).status == 0)
        let expected = try gaps(scratch.path("run.db"))

        let (hub, endpoint) = try startHub(scratch.path("hub.db"))
        // Nodes start in reverse order, several at once: dependencies arrive out of order.
        try runNodes(Self.nodeParties.reversed(), endpoint: endpoint)
        stop(hub)
        #expect(hub.terminationStatus == 0)
        let found = try gaps(scratch.path("hub.db"))
        #expect(Set(found.map(\.id)) == Set(expected.map(\.id)))
        #expect(Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.summary) }) == Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0.summary) }))
    }

    @Test func stateAndOpenGapsSurviveAHubRestartBetweenTwoHalves() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try Klimatnav.run(["run", "--db", scratch.path("run.db")]).status == 0)
        let expected = try gaps(scratch.path("run.db"))
        let db = scratch.path("hub.db")
        let half = Self.nodeParties.count / 2
        let (first, endpoint) = try startHub(db)
        try runNodes(Array(Self.nodeParties.prefix(half)), endpoint: endpoint)
        stop(first)
        let midway = try gaps(db)
        #expect(!midway.isEmpty)
        let (second, endpoint2) = try startHub(db)
        // What was open before the restart is open after it, before anything new arrives.
        #expect(Set(try gaps(db).map(\.id)) == Set(midway.map(\.id)))
        try runNodes(Array(Self.nodeParties.suffix(from: half)), endpoint: endpoint2)
        stop(second)
        #expect(Set(try gaps(db).map(\.id)) == Set(expected.map(\.id)))
        let history = try gaps(db, ["--all"])
        #expect(history.count >= expected.count)
    }
}

/// A value shared between threads.
final class Locked2<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ change: (inout Value) -> Void) { lock.lock(); change(&stored); lock.unlock() }
}
