import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

/// A hub and long-lived party nodes as separate processes, for the tests of `klimatnav node
/// --db`, `say` and `inbox`. Every wait polls for the expected state with a deadline.
struct PartyNodes {
    let scratch: Scratch
    var router = "tcp://127.0.0.1:*"
    var publisher = "tcp://127.0.0.1:*"
    var hub: Process?
    var nodes: [String: Process] = [:]
    /// Extra arguments: the hub's (CURVE keys) and each node's (its key and the hub's).
    var hubArguments: [String] = []
    var nodeArguments: [String: [String]] = [:]

    init() throws { scratch = try Scratch() }

    var hubDB: String { scratch.path("hub.db") }
    func db(_ party: String) -> String { scratch.path("\(party).db") }

    /// Starts the hub; the first start picks free ports, a restart binds the same ones.
    mutating func startHub() async throws {
        let (process, banner) = try await Klimatnav.start(["hub", "--bind", router, "--publish", publisher, "--db", hubDB] + hubArguments)
        let endpoints = banner.matches(of: /tcp:\/\/127\.0\.0\.1:\d+/).map { String($0.output) }
        try #require(endpoints.count == 2, "hub banner: \(banner)")
        router = endpoints[0]
        publisher = endpoints[1]
        hub = process
    }

    /// Kills the hub at once (SIGKILL: no graceful shutdown, as in a crash).
    mutating func killHub() async {
        guard let hub else { return }
        kill(hub.processIdentifier, SIGKILL)
        await Self.waitForExit(hub)
        self.hub = nil
    }

    mutating func startNode(_ party: String) async throws {
        let (process, banner) = try await Klimatnav.start(
            [
                "node", "--party", party, "--connect", router, "--subscribe", publisher, "--db", db(party), "--lang", "en",
            ] + nodeArguments[party, default: []])
        #expect(banner.hasPrefix("node \(party) up"), "node banner: \(banner)")
        nodes[party] = process
    }

    func say(_ arguments: [String]) async throws -> Klimatnav.Result {
        try await Klimatnav.run(["say"] + arguments + ["--lang", "en"])
    }

    /// Stops everything gracefully (SIGTERM) and removes the folder.
    mutating func stop() async {
        for process in Array(nodes.values) + [hub].compactMap({ $0 }) where process.isRunning {
            process.terminate()
            await Self.waitForExit(process)
        }
        scratch.remove()
    }

    /// After a failed test: kills what still runs and removes the folder (without waiting).
    func abandon() {
        for process in Array(nodes.values) + [hub].compactMap({ $0 }) where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        scratch.remove()
    }

    /// The first line the node of `party` prints from now on that contains `text` (read on a
    /// thread of its own; the test's time limit bounds the wait).
    func line(from party: String, containing text: String) async throws -> String {
        let pipe = try #require(nodes[party]?.standardOutput as? Pipe)
        return await withCheckedContinuation { continuation in
            Thread {
                var line = Data()
                while true {
                    let byte = pipe.fileHandleForReading.readData(ofLength: 1)
                    if byte.isEmpty { break }
                    if byte != Data("\n".utf8) { line.append(byte); continue }
                    let text2 = String(decoding: line, as: UTF8.self)
                    if text2.contains(text) { return continuation.resume(returning: text2) }
                    line = Data()
                }
                continuation.resume(returning: "(the node ended without printing '\(text)')")
            }.start()
        }
    }

    static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { continuation in
            Thread {
                process.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    /// Reads `path` read-only until `check` finds what it expects, or the deadline passes.
    func poll<T>(_ what: String, _ path: String, seconds: Double = 30, _ check: (HubStore) async throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: path), let store = try? HubStore(readOnlyPath: path),
                let found = try? await check(store)
            {
                return found
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw PollTimeout(what: what)
    }

    /// The messages in the hub's database from `sender` of `type` whose body contains `text`.
    func hubRows(_ sender: String, _ type: String, containing text: String) async throws -> Int {
        let store = try HubStore(readOnlyPath: hubDB)
        return try await store.messages().filter {
            $0.sender == sender && $0.type == type && String(decoding: $0.body, as: UTF8.self).contains(text)
        }.count
    }
}

struct PollTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}
