import Foundation
import KlimatnavCore
import KlimatnavWire

/// The byte fixtures of the spec's worked examples (`Protocols/fixtures/*.hex`): one frame per
/// line, lower-case hex, no separators.
enum Fixtures {
    static let protocolsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocols")

    /// Each fixture's file name and the message its bytes must decode to.
    static let expected: [(name: String, message: WireMessage)] = [
        ("hello", .hello(Hello(party: "goteborg", software: "klimatnav/0.1.0", lastSequence: 0))),
        ("goal", .domain(DomainMessage(sequence: 1, event: .goalAsserted(Samples.goal)))),
        ("ack", .ack(Ack(sequence: 1, stateSequence: 17))),
        (
            "nack",
            .nack(
                Nack(
                    sequence: 2, code: .wrongType, reason: "expected integer, found string", frame: 3,
                    path: "body.targetYear"))
        ),
        ("emission.inventory", .domain(DomainMessage(sequence: 1, event: .inventoryReported(Samples.inventory)))),
        ("gap.followup", .domain(DomainMessage(sequence: 7, event: .gapFollowedUp(Samples.followUp)))),
    ]

    static func url(_ name: String) -> URL {
        protocolsDirectory.appendingPathComponent("fixtures/\(name).hex")
    }

    /// Frames from hex text: one frame per line.
    static func frames(hex text: String) -> [[UInt8]] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { line in
                var bytes: [UInt8] = []
                var index = line.startIndex
                while index < line.endIndex {
                    let next = line.index(index, offsetBy: 2)
                    bytes.append(UInt8(line[index..<next], radix: 16)!)
                    index = next
                }
                return bytes
            }
    }

    /// Hex text from frames: one frame per line.
    static func hex(_ frames: [[UInt8]]) -> String {
        frames.map { frame in frame.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n") + "\n"
    }
}
