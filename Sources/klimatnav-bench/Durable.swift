import BenchSupport
import Foundation
import GRDB
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavStore
import KlimatnavWire
import Logging
import ZeroMQ

/// Durable messages end to end over tcp loopback: several real ``PartyLink``s stream goal
/// assertions to a real ``Hub`` that holds a national-scale state (restored from a seeded
/// database, so gap detection runs against the whole country), commits each batch (group
/// commit) and acknowledges after the commit. The links run in a child process (this binary
/// with `--nodes-child`), so the hub has this process's thread pool to itself; they still
/// share the machine's cores with it. `--nodes-in-process` puts them back in this process.
enum DurableBenchmark {
    struct Result {
        var rate: Double
        var p50Ms: Double
        var p99Ms: Double
        var messages: Int
        var commits: Int
        var meanBodyBytes: Double
        /// Processor time per acknowledged message (user + system, all threads): the hub's
        /// process, and the nodes' (their child process; 0 when they run in the hub's).
        var hubCPUMicroseconds: Double
        var nodesCPUMicroseconds: Double
        var meanBatch: Double { Double(messages) / Double(max(1, commits)) }
    }

    /// A database holding the playbook's facts as accepted messages (what a hub that already
    /// heard the whole country has stored), so the hub under test starts from that state.
    static func seed(_ playbook: Playbook, path: String, durability: HubStore.Durability) async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try HubStore(path: path, durability: durability)
        let roster = Dictionary(playbook.parties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let coordinator = playbook.coordinator
        var sequences: [PartyID: UInt64] = [:]
        var items: [BatchItem] = []
        let at = Date()
        for message in playbook.schedule() {
            let sender = roster[message.from]?.kind == .reference ? (coordinator ?? message.from) : message.from
            let sequence = (sequences[sender] ?? 0) + 1
            sequences[sender] = sequence
            let frames = try WireCodec.encode(.domain(DomainMessage(sequence: sequence, event: message.event)))
            items.append(
                .accepted(
                    AcceptedMessage(
                        sender: sender.rawValue, sequence: sequence, type: message.event.name, body: Data(frames[3]),
                        receivedAt: at, entities: [], gapChanges: [])))
        }
        try await store.register(parties: playbook.parties)
        _ = try await store.commit(items)
    }

    /// - Parameters:
    ///   - offered: total messages per second to offer, or `nil` for saturation.
    ///   - nodesBinary: this benchmark's binary, to run the links in a child process; `nil`
    ///     runs them in this process.
    static func run(
        playbook: Playbook, scale: Int, seededPath: String, durability: HubStore.Durability, links linkCount: Int,
        perLink: Int, offered: Double?, nodesBinary: String?
    ) async throws -> Result {
        // Work on a copy of the seeded database so every run starts from the same state.
        let path = seededPath + ".run"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: seededPath, toPath: path)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: seededPath + suffix) {
            try FileManager.default.copyItem(atPath: seededPath + suffix, toPath: path + suffix)
        }
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let store = try HubStore(path: path, durability: durability)
        let hub = try Hub(
            context: context, store: store,
            options: HubOptions(
                bind: ["tcp://127.0.0.1:*"], publish: ["tcp://127.0.0.1:*"], roster: playbook.parties,
                durability: durability, responses: .standard),
            logger: logger)
        let hubTask = Task { try await hub.run() }
        let startID = try await lastMessageID(path)
        let startCommits = store.commitCount

        let endpoint = try await hub.ready().router!
        let summary: StreamSummary
        let (selfBefore, childrenBefore) = (CPUTime.seconds(children: false), CPUTime.seconds(children: true))
        if let nodesBinary {
            var arguments = [
                "--nodes-child", endpoint, "--scale", String(scale), "--links", String(linkCount), "--per-link", String(perLink),
            ]
            if let offered { arguments += ["--offered", String(offered)] }
            // A thread of its own: waiting for the child must not hold one of the hub's.
            let childArguments = arguments
            let numbers = try await Bench.onThread { try Bench.runBinary(nodesBinary, childArguments) }
            guard numbers.count == 4 else { throw BenchError("the nodes' process printed \(numbers)") }
            summary = StreamSummary(count: Int(numbers[0]), elapsed: numbers[1], p50Ms: numbers[2], p99Ms: numbers[3])
        } else {
            let (latencies, elapsed) = try await stream(
                context: context, endpoint: endpoint, playbook: playbook, links: linkCount, perLink: perLink,
                offered: offered, logger: logger)
            summary = StreamSummary(latencies, elapsed: elapsed)
        }
        let hubCPU = CPUTime.seconds(children: false) - selfBefore
        let nodesCPU = CPUTime.seconds(children: true) - childrenBefore
        hub.shutdown()
        try await hubTask.value
        // Transactions, counted by the store (a commit may hold several received batches).
        let commits = store.commitCount - startCommits
        let bodyBytes = try await meanBodyBytes(path, after: startID)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard summary.count > 0 else { throw BenchError("no message was acknowledged") }
        return Result(
            rate: Double(summary.count) / summary.elapsed, p50Ms: summary.p50Ms, p99Ms: summary.p99Ms,
            messages: summary.count, commits: commits, meanBodyBytes: bodyBytes,
            hubCPUMicroseconds: hubCPU * 1e6 / Double(summary.count), nodesCPUMicroseconds: nodesCPU * 1e6 / Double(summary.count))
    }

    /// What a stream of messages measured: acknowledged messages, seconds, ack latencies.
    struct StreamSummary {
        var count: Int
        var elapsed: Double
        var p50Ms: Double
        var p99Ms: Double

        init(count: Int, elapsed: Double, p50Ms: Double, p99Ms: Double) {
            (self.count, self.elapsed, self.p50Ms, self.p99Ms) = (count, elapsed, p50Ms, p99Ms)
        }

        init(_ latencies: [Double], elapsed: Double) {
            count = latencies.count
            self.elapsed = elapsed
            p50Ms = latencies.isEmpty ? 0 : Bench.percentile(latencies, 50)
            p99Ms = latencies.isEmpty ? 0 : Bench.percentile(latencies, 99)
        }
    }

    /// The child process's side (`klimatnav-bench --nodes-child ENDPOINT --scale S --links N
    /// --per-link M [--offered R]`): streams to the hub at ENDPOINT and prints
    /// `count elapsed p50 p99` on stdout.
    static func runNodesChild(_ arguments: [String]) async throws {
        var iterator = arguments.makeIterator()
        guard let endpoint = iterator.next() else { throw BenchError("--nodes-child needs an endpoint") }
        var scale = 1
        var linkCount = 8
        var perLink = 1000
        var offered: Double?
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--scale": scale = Int(value) ?? scale
            case "--links": linkCount = Int(value) ?? linkCount
            case "--per-link": perLink = Int(value) ?? perLink
            case "--offered": offered = Double(value)
            default: throw BenchError("unknown --nodes-child argument \(argument)")
            }
        }
        var logger = Logger(label: "bench-nodes")
        logger.logLevel = .critical
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let playbook = SyntheticPlaybook.generate(seed: 2021, scale: scale)
        let (latencies, elapsed) = try await stream(
            context: context, endpoint: endpoint, playbook: playbook, links: linkCount, perLink: perLink,
            offered: offered, logger: logger)
        let summary = StreamSummary(latencies, elapsed: elapsed)
        print(summary.count, summary.elapsed, summary.p50Ms, summary.p99Ms)
    }

    /// Streams goal assertions from `links` municipality links to the hub at `endpoint`;
    /// returns the ack latencies (ms) and the elapsed seconds. At a fixed offered load each
    /// link submits one message at a time, paced; at saturation each submits bursts of
    /// ``burst`` (a node with a backlog hands its link many messages at once). Answers are
    /// taken as they arrive (``LinkOptions/onAnswer``), not awaited one by one.
    static func stream(
        context: ZeroMQContext, endpoint: String, playbook: Playbook, links linkCount: Int, perLink: Int,
        offered: Double?, logger: Logger
    ) async throws -> ([Double], Double) {
        let senders = Array(playbook.parties.filter { $0.kind == .municipality }.prefix(linkCount))
        var links: [(PartyLink, AnswerLog)] = []
        var linkTasks: [Task<Void, Never>] = []
        for party in senders {
            let log = AnswerLog(capacity: perLink)
            var options = LinkOptions()
            options.onAnswer = { log.note($0) }
            let link = try PartyLink(context: context, party: party.id, endpoint: endpoint, options: options, logger: logger)
            linkTasks.append(Task { await link.run() })
            links.append((link, log))
        }
        for (link, _) in links { try await link.hello() }

        // Each link sends its own goals again with changing target years.
        let goalsByParty = Dictionary(grouping: playbook.goals.filter { $0.interimOf == nil }, by: \.party)
        let perLinkRate = offered.map { $0 / Double(linkCount) }
        let start = now()
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for (n, (link, log)) in links.enumerated() {
                let goals = goalsByParty[link.party] ?? []
                guard !goals.isEmpty else { continue }
                group.addTask {
                    var sentAt: [UInt64: Double] = [:]
                    sentAt.reserveCapacity(perLink)
                    var i = 0
                    while i < perLink {
                        if let rate = perLinkRate {
                            let due = start + Double(i) / rate + Double(n) / (rate * Double(linkCount))
                            let wait = due - now()
                            if wait > 0.0005 { try await Task.sleep(for: .microseconds(Int(wait * 1e6))) }
                        }
                        let count = perLinkRate == nil ? min(burst, perLink - i) : 1
                        let events: [(DomainEvent, String?)] = (i..<(i + count)).map { k in
                            var goal = goals[k % goals.count]
                            goal.targetYear = 2030 + (k % 21)
                            return (.goalAsserted(goal), nil)
                        }
                        let time = now()
                        for sequence in try await link.submit(contentsOf: events) { sentAt[sequence] = time }
                        i += count
                    }
                    await link.flush()
                    return log.latencies(sentAt: sentAt)
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = now() - start
        for (link, _) in links { await link.close() }
        for task in linkTasks { await task.value }
        return (latencies, elapsed)
    }

    /// Messages a link at saturation submits at once.
    static let burst = 64

    static func lastMessageID(_ path: String) async throws -> Int64 {
        let queue = try DatabaseQueue(path: path)
        return try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM message") ?? 0 }
    }

    /// The mean body size of the messages stored after `id`.
    static func meanBodyBytes(_ path: String, after id: Int64) async throws -> Double {
        let queue = try DatabaseQueue(path: path)
        return try await queue.read { db in
            try Double.fetchOne(db, sql: "SELECT AVG(LENGTH(body)) FROM message WHERE id > ?", arguments: [id]) ?? 0
        }
    }
}
