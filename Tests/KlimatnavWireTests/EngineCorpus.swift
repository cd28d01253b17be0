import Foundation
import KlimatnavCore

@testable import KlimatnavWire

/// The bodies and frames the decoding engine is held to (see ``EngineRecordTests``): valid
/// goals, every sample message, every fixture, and seeded damage to them (the 48,000 bodies
/// of the fast-reader tests and 6,000 damaged frame sets). Each group's outcomes are recorded
/// in ``EngineRecord`` as a digest per 1,000 inputs and a count per outcome code.
enum EngineCorpus {
    /// A group of inputs, by name.
    static func groups() throws -> [(name: String, inputs: [[[UInt8]]])] {
        func goalBody(_ goal: Goal) throws -> [UInt8] {
            try FastBodyTests.genericEncode(goal)
        }
        func frames(_ type: String, _ body: [UInt8]) -> [[UInt8]] { [WireCodec.frame0, Array(type.utf8), WireCodec.header(1), body] }

        var valid: [[[UInt8]]] = try FastBodyTests.randomGoals(4000, seed: 2).map { frames("goal", try goalBody($0)) }
        valid += try Samples.messages.map { try WireCodec.encode($0) }
        valid += try Fixtures.expected.map { Fixtures.frames(hex: try String(contentsOf: Fixtures.url($0.name), encoding: .utf8)) }

        var goals: [[[UInt8]]] = []
        var mutator = BodyMutator(seed: 4)
        for goal in FastBodyTests.randomGoals(600, seed: 5) {
            let body = try goalBody(goal)
            for _ in 0..<40 { goals.append(frames("goal", mutator.mutate(body))) }
        }

        var deltas: [[[UInt8]]] = []
        mutator = BodyMutator(seed: 7)
        for (index, goal) in FastBodyTests.randomGoals(600, seed: 8).enumerated() {
            let by: PartyID? = index % 3 == 0 ? nil : goal.party
            let body = try BodyCoder.encode(
                Delta(stateSequence: 1, by: by, event: .goalAsserted(goal)), limits: BodyLimits.of(type: "DELTA"))
            for _ in 0..<20 { deltas.append(frames("DELTA", mutator.mutate(body))) }
        }

        var acks: [[[UInt8]]] = []
        mutator = BodyMutator(seed: 6)
        for ack in [
            Ack(sequence: 1), Ack(sequence: 1, stateSequence: 0), Ack(sequence: 1, stateSequence: 42),
            Ack(sequence: 1, stateSequence: .max),
        ] {
            let body = try WireCodec.encode(.ack(ack))[3]
            for _ in 0..<3000 { acks.append(frames("ACK", mutator.mutate(body))) }
        }

        var damaged: [[[UInt8]]] = []
        var rng = MutationTests.SplitMix64(state: 20_201_211)
        let originals = try Samples.messages.map { try WireCodec.encode($0) }
        for _ in 0..<6000 { damaged.append(MutationTests.mutate(originals.randomElement(using: &rng)!, &rng)) }

        return [("valid", valid), ("goal", goals), ("DELTA", deltas), ("ACK", acks), ("frames", damaged)]
    }

    /// What decoding `frames` gives, as text: the canonical frames of the message, or the
    /// error's code, frame, path and message.
    static func outcome(_ frames: [[UInt8]]) -> (code: String, text: String) {
        do {
            let message = try WireCodec.decode(frames: frames)
            let again = (try? WireCodec.encode(message)).map { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ["unencodable"]
            return ("accepted", "accepted " + again.joined(separator: "|"))
        } catch {
            return (
                error.code.rawValue, "\(error.code.rawValue) \(error.frame.map(String.init) ?? "-") \(error.path ?? "-") \(error.message)"
            )
        }
    }

    /// FNV-1a over `texts`, each followed by a 0 byte.
    static func digest(_ texts: some Sequence<String>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return hash
    }
}
