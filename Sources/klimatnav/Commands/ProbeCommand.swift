import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavWire
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

/// `klimatnav probe` (hidden): hostile connection attempts against a hub, for
/// scripts/fault-auth.sh. Nothing it sends should ever be accepted.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Make hostile attempts against a CURVE hub (testing aid).",
        shouldDisplay: false)

    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case unknownKey = "unknown-key", plain, garbage, forgedHello = "forged-hello", forgedSender = "forged-sender", replay
    }

    @Option(help: "The hub's ROUTER endpoint (tcp://HOST:PORT).")
    var connect: String

    @Option(name: .customLong("hub-key"), help: "The hub's public key (.pub file or Z85).")
    var hubKey: String

    @Option(help: "An authorized party's secret key file (the insider attacker).")
    var key: String

    @Option(help: "The insider's party id.")
    var party: String

    @Option(help: "A second authorized party's secret key file (replays under another key).")
    var otherKey: String

    @Option(help: "The second party's id (also the victim of forged messages).")
    var other: String

    @Option(help: "Number of attempts, cycling through the kinds.")
    var attempts: Int = 200

    @Option(help: "Attempt kinds (repeatable; default: all).")
    var kind: [Kind] = []

    func run() throws {
        guard let me = PartyID(party), let victim = PartyID(other) else { throw CLIError("bad party id") }
        let hub = try KeyFile.publicKey(fileOrZ85: hubKey)
        let insider = try KeyFile.readSecret(key)
        let second = try KeyFile.readSecret(otherKey)
        let kinds = kind.isEmpty ? Kind.allCases : kind
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        // A message as an eavesdropper could have captured it (CURVE prevents that; a
        // malicious insider can still hand its own frames to someone else).
        let captured = try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(probeGoal(me, "captured")))))
        var answered: [String: Int] = [:]
        for attempt in 0..<attempts {
            let kind = kinds[attempt % kinds.count]
            let outcome: String
            switch kind {
            case .unknownKey:
                let stranger = try ZeroMQ.curveKeypair()
                outcome = try exchange(
                    context, curve: CurveClient(publicKey: stranger.publicKey, secretKey: stranger.secretKey, serverKey: hub),
                    [
                        try hello(me),
                        try WireCodec.encode(.domain(DomainMessage(sequence: 1, event: .goalAsserted(probeGoal(me, "u\(attempt)"))))),
                    ], wait: 150)
            case .plain:
                outcome = try exchange(context, curve: nil, [try hello(me), captured], wait: 150)
            case .garbage:
                outcome = garbage(attempt)
            case .forgedHello:
                outcome = try exchange(
                    context, curve: CurveClient(publicKey: insider.publicKey, secretKey: insider.secretKey, serverKey: hub),
                    [try hello(victim)], wait: 1000)
            case .forgedSender:
                outcome = try forgedSender(
                    context, CurveClient(publicKey: insider.publicKey, secretKey: insider.secretKey, serverKey: hub), me, victim, attempt)
            case .replay:
                outcome = try exchange(
                    context, curve: CurveClient(publicKey: second.publicKey, secretKey: second.secretKey, serverKey: hub),
                    [try hello(victim), captured], wait: 1000)
            }
            answered["\(kind.rawValue):\(outcome)", default: 0] += 1
        }
        let summary = answered.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        FileHandle.standardError.write(Data("probe: attempts=\(attempts) \(summary)\n".utf8))
    }

    private func probeGoal(_ party: PartyID, _ slug: String) -> Goal {
        Goal(
            id: "\(party).probe-\(slug)", party: party, scopes: [1], reductionPercent: 50, baseYear: 1990, basis: .absolute,
            targetYear: 2030, text: "probe")
    }

    private func hello(_ party: PartyID) throws -> [[UInt8]] {
        try WireCodec.encode(.hello(Hello(party: party, software: "klimatnav-probe", lastSequence: 0)))
    }

    /// Sends each message in turn and returns the last answer's kind ("silent" if none).
    private func exchange(_ context: ZeroMQContext, curve: CurveClient?, _ messages: [[[UInt8]]], wait: Int) throws -> String {
        let socket = try Socket(context, type: .dealer)
        defer { socket.close() }
        try socket.set(.linger, 0)
        try socket.set(.receiveTimeout, wait)
        try socket.set(.reconnectInterval, 10_000)
        try curve?.configure(socket)
        try socket.connect(connect)
        var last = "silent"
        for frames in messages {
            guard try socket.trySend(Message(frames)) || (try? socket.send(Message(frames))) != nil else { return last }
            guard let answer = try? socket.receive(), let message = try? WireCodec.decode(frames: answer.frames) else {
                return "silent"
            }
            last = describe(message)
        }
        return last
    }

    private func forgedSender(
        _ context: ZeroMQContext, _ curve: CurveClient, _ me: PartyID, _ victim: PartyID, _ attempt: Int
    ) throws -> String {
        let socket = try Socket(context, type: .dealer)
        defer { socket.close() }
        try socket.set(.linger, 0)
        try socket.set(.receiveTimeout, 1000)
        try curve.configure(socket)
        try socket.connect(connect)
        try socket.send(Message(try hello(me)))
        guard let answer = try? socket.receive(), case .welcome(let welcome)? = try? WireCodec.decode(frames: answer.frames) else {
            return "no-welcome"
        }
        let forged = try WireCodec.encode(
            .domain(DomainMessage(sequence: welcome.nextSequence, event: .goalAsserted(probeGoal(victim, "f\(attempt)")))))
        try socket.send(Message(forged))
        guard let reply = try? socket.receive(), let message = try? WireCodec.decode(frames: reply.frames) else { return "silent" }
        return describe(message)
    }

    private func describe(_ message: WireMessage) -> String {
        switch message {
        case .nack(let nack): "nack-\(nack.code.rawValue)"
        case .ack: "ack"
        case .welcome: "welcome"
        default: message.type
        }
    }

    /// Random bytes straight to the TCP port.
    private func garbage(_ attempt: Int) -> String {
        guard connect.hasPrefix("tcp://"), let colon = connect.lastIndex(of: ":"),
            let port = UInt16(connect[connect.index(after: colon)...])
        else {
            return "bad-endpoint"
        }
        var host = String(connect.dropFirst(6)[..<colon])
        if host == "*" || host == "localhost" { host = "127.0.0.1" }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "no-socket" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "refused" }
        var bytes = (0..<(32 + attempt % 200)).map { _ in UInt8.random(in: 0...255) }
        if attempt % 2 == 0 { bytes = [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, 0] + Array("CURVE".utf8) + bytes }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return "sent"
    }
}
