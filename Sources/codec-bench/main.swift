import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavWire

/// Micro-benchmark of the wire codec (release builds): µs per message for
/// `WireCodec.decode(frames:)` and `WireCodec.encode(_:)` on the goal-assertion domain messages
/// of `SyntheticPlaybook.generate(seed: 2021, scale: 1)`, on DELTAs carrying them, and on ACKs.
/// Each figure is the median of several runs over 4000 messages. Goal domain messages, goal
/// DELTAs (decode) and ACKs take the codec's fast body paths (`GoalBodyWriter`/`GoalBodyReader`,
/// `DeltaBodyReader`, `AckBodyWriter`/`AckBodyReader`); DELTA encode is the generic `Codable`
/// path (the hub forwards the accepted body with `WireCodec.encodeDelta` instead).
///
///     swift run -c release codec-bench [runs]
///
/// With a second argument it only decodes, `runs` times over 4000 messages of one kind
/// (`goal`, `delta`, `ack`, or `other`: parties, commitments, roadmaps and barriers, which take
/// the generic decoder), and prints no figures: run it under `valgrind --tool=callgrind` (on a
/// stripped copy) with 0 and N runs, and the difference over N × 4000 is the instructions per
/// message, a count that does not drift with the machine's load as the clock does here.
///
///     codec-bench 5 goal

if CommandLine.arguments.count > 2 {
    guard let loops = Int(CommandLine.arguments[1]), loops >= 0, ["goal", "delta", "ack", "other"].contains(CommandLine.arguments[2])
    else {
        FileHandle.standardError.write(Data("usage: codec-bench RUNS [goal|delta|ack|other] (RUNS a whole number)\n".utf8))
        exit(2)
    }
    let playbook = SyntheticPlaybook.generate(seed: 2021, scale: 1)
    let goals = playbook.goals
    let others: [DomainEvent] =
        playbook.parties.map { .partyRegistered($0) } + playbook.commitments.map { .commitmentStated($0) }
        + playbook.roadmaps.map { .roadmapPublished($0) } + playbook.barriers.map { .barrierReported($0) }
    let mode = CommandLine.arguments[2]
    let messages: [WireMessage] = (0..<4000).map {
        let goal = goals[$0 % goals.count]
        switch mode {
        case "other": return .domain(DomainMessage(sequence: UInt64($0 + 1), event: others[$0 % others.count]))
        case "delta": return .delta(Delta(stateSequence: UInt64($0 + 1), by: goal.party, event: .goalAsserted(goal)))
        case "ack": return .ack(Ack(sequence: UInt64($0 + 1), stateSequence: UInt64($0 + 100)))
        default: return .domain(DomainMessage(sequence: UInt64($0 + 1), event: .goalAsserted(goal)))
        }
    }
    let frames = try messages.map { try WireCodec.encode($0) }
    var sink = 0
    for _ in 0..<loops {
        for f in frames {
            sink &+= Int(try WireCodec.decode(frames: f).sequence & 1)
        }
    }
    print(sink)
    exit(0)
}
let runs = max(1, CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 9 : 9)
let count = 4000
let goals = SyntheticPlaybook.generate(seed: 2021, scale: 1).goals
let cases: [(String, [WireMessage])] = [
    ("goal", (0..<count).map { .domain(DomainMessage(sequence: UInt64($0 + 1), event: .goalAsserted(goals[$0 % goals.count]))) }),
    (
        "delta",
        (0..<count).map {
            .delta(Delta(stateSequence: UInt64($0 + 1), by: goals[$0 % goals.count].party, event: .goalAsserted(goals[$0 % goals.count])))
        }
    ),
    ("ack", (0..<count).map { .ack(Ack(sequence: UInt64($0 + 1), stateSequence: UInt64($0 + 100))) }),
]

/// The median time per item, in µs, of `runs` runs of `body` over `count` items.
func median(_ body: () throws -> Int) rethrows -> Double {
    var times: [Double] = []
    var sink = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        sink &+= try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    if sink == 42 { print("") }
    return times.sorted()[runs / 2] / Double(count)
}

print("goals: \(goals.count); mean goal body: \(try cases[0].1.map { try WireCodec.encode($0)[3].count }.reduce(0, +) / count) bytes")
for (name, messages) in cases {
    let frames = try messages.map { try WireCodec.encode($0) }
    let decode = try median { try frames.reduce(0) { $0 &+ (try WireCodec.decode(frames: $1)).sequence.hashValue & 1 } }
    let encode = try median { try messages.reduce(0) { $0 &+ (try WireCodec.encode($1))[3].count } }
    print(String(format: "%-6@ decode %6.2f µs  encode %6.2f µs", name as NSString, decode, encode))
}
