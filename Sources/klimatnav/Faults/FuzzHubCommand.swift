import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavWire
import ZeroMQ

/// `klimatnav fuzz-hub` (hidden, abuse tests): a raw DEALER throws random and mutated
/// frames at a live hub while a valid node for --party keeps sending goals; prints
/// `fuzz-hub: frames=N valid=M acknowledged=A refused=R` and exits 1 unless every valid
/// message was acknowledged.
struct FuzzHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz-hub", abstract: "Random and mutated frames against a live hub (abuse tests).",
        shouldDisplay: false)

    @Option(help: "The hub's ROUTER endpoint.") var connect: String
    @Option(help: "The valid node's party (a municipality; not goteborg, which the fuzzer uses).") var party: String = "lund"
    @Option(help: "Malformed messages to send.") var frames: Int = 20000
    @Option(help: "Valid messages to send meanwhile.") var valid: Int = 200
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        guard let id = PartyID(party) else { throw ValidationError("'\(party)' is not a party id") }
        let logger = logging.logger("klimatnav.fuzz-hub")
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        let link = try PartyLink(context: context, party: id, endpoint: connect, options: LinkOptions(resendAfterMs: 500), logger: logger)
        let reader = Task { await link.run() }
        try await link.hello()
        let total = frames
        let fuzzer = Task {
            let raw = try AsyncSocket(context, type: .dealer) { socket in
                try socket.set(.linger, 0)
                try socket.set(.sendHighWaterMark, 100_000)
                try socket.connect(connect)
            }
            let drain = Task { for try await _ in raw.batches {} }
            var generator = FrameFuzzer(seed: seed)
            for index in 0..<total {
                try await raw.send(Message(generator.next(index)))
                if index % 500 == 0 { try await Task.sleep(for: .milliseconds(5)) }
            }
            try await Task.sleep(for: .milliseconds(300))
            raw.close()
            _ = try? await drain.value
        }
        var acknowledged = 0
        var refused = 0
        for index in 0..<valid {
            let goal = Goal(
                id: "\(id).fuzz-\(seed)-\(index)", party: id, scopes: [1, 2], reductionPercent: 70, baseYear: 1990,
                basis: .absolute, targetYear: 2030, text: "valid during fuzzing")
            let delivery = try await Deadline.within(seconds: 60) { try await link.deliver(.goalAsserted(goal)) }
            if delivery.isAcknowledged { acknowledged += 1 } else { refused += 1 }
        }
        try await fuzzer.value
        await link.close()
        await reader.value
        emit("fuzz-hub: frames=\(total) valid=\(valid) acknowledged=\(acknowledged) refused=\(refused)")
        if acknowledged != valid { throw ExitCode(1) }
    }
}

enum Deadline {
    struct Expired: Error {}
    static func within<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw Expired()
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
    }
}

/// Random and mutated KNAV frames from a seeded generator (SplitMix64).
struct FrameFuzzer {
    var state: UInt64
    let seeds: [[[UInt8]]]

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
        let party: PartyID = "goteborg"
        let goal = Goal(
            id: "goteborg.fuzz", party: party, scopes: [1, 2, 3], word: .nearZero, targetYear: 2030, text: "Klimatpåverkan nära noll")
        let messages: [WireMessage] = [
            .hello(Hello(party: party, software: "fuzz", lastSequence: 0)),
            .domain(DomainMessage(sequence: 1, event: .goalAsserted(goal))),
            .heartbeat(Heartbeat(sequence: 3)),
            .snapshotRequest(SnapshotRequest(knownStateSequence: 0)),
            .ack(Ack(sequence: 1, stateSequence: 17)),
            .nack(Nack(sequence: 2, code: .wrongType, reason: "expected integer, found string")),
        ]
        seeds = messages.compactMap { try? WireCodec.encode($0) }
    }

    mutating func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(random() % UInt64(max(1, n))) }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random()) } }

    /// The `index`th message: every 50th is a HELLO (so domain mutations reach the ledger).
    mutating func next(_ index: Int) -> [[UInt8]] {
        if index % 50 == 0 { return seeds[0] }
        switch below(10) {
        case 0: return (0..<below(7)).map { _ in bytes(below(64)) }
        case 1 where below(20) == 0:
            // Too large for the codec (256 KiB), or for ZMQ_MAXMSGSIZE (the hub drops the peer).
            var frames = seeds[1]
            frames[3] = [UInt8](repeating: 0x20, count: below(2) == 0 ? 300_000 : 600_000)
            return frames
        default:
            var frames = seeds[below(seeds.count)]
            for _ in 0...below(4) {
                switch below(7) {
                case 0 where !frames.isEmpty: frames.remove(at: below(frames.count))
                case 1: frames.insert(bytes(below(16)), at: below(frames.count + 1))
                case 2 where !frames.isEmpty:
                    let f = below(frames.count)
                    if !frames[f].isEmpty { frames[f][below(frames[f].count)] = UInt8(truncatingIfNeeded: random()) }
                case 3 where !frames.isEmpty:
                    let f = below(frames.count)
                    frames[f] = Array(frames[f].prefix(below(frames[f].count + 1)))
                case 4 where frames.count > 3:
                    let text = [
                        "null", "{}", "[]", "{\"id\":1}", "\u{FEFF}{}", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "1e999",
                        String(repeating: "[", count: 40),
                    ]
                    frames[3] = Array(text[below(text.count)].utf8)
                case 5 where frames.count > 2: frames[2] = bytes(8)
                default:
                    if !frames.isEmpty {
                        let f = below(frames.count)
                        frames[f].insert(contentsOf: bytes(below(8)), at: below(frames[f].count + 1))
                    }
                }
            }
            return frames
        }
    }
}
