import Testing

@testable import KlimatnavWire

/// Random damage to valid messages never traps: every result is a message or a `WireError`,
/// and whatever decodes encodes and decodes again to the same message.
@Suite struct MutationTests {
    /// SplitMix64: a small, seeded, reproducible generator.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let interesting: [UInt8] = Array("{}[]\",:\\0123456789.-eEtrufalsn ".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xED, 0xFF]

    static func mutate(_ frames: [[UInt8]], _ rng: inout SplitMix64) -> [[UInt8]] {
        var frames = frames
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            guard !frames.isEmpty else { return frames }
            let f = Int.random(in: 0..<frames.count, using: &rng)
            var frame = frames[f]
            switch Int.random(in: 0..<9, using: &rng) {
            case 0 where !frame.isEmpty:
                frame[Int.random(in: 0..<frame.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1 where !frame.isEmpty: frame[Int.random(in: 0..<frame.count, using: &rng)] = interesting.randomElement(using: &rng)!
            case 2: frame.insert(interesting.randomElement(using: &rng)!, at: Int.random(in: 0...frame.count, using: &rng))
            case 3 where !frame.isEmpty: frame.remove(at: Int.random(in: 0..<frame.count, using: &rng))
            case 4: frame = Array(frame.prefix(Int.random(in: 0...frame.count, using: &rng)))
            case 5: frames.remove(at: f); continue
            case 6: frames.insert(frame, at: f); continue
            case 7: frames.swapAt(f, Int.random(in: 0..<frames.count, using: &rng)); continue
            default:
                if !frame.isEmpty {
                    let from = Int.random(in: 0..<frame.count, using: &rng)
                    let to = Int.random(in: from...frame.count, using: &rng)
                    frame.insert(contentsOf: frame[from..<to], at: Int.random(in: 0...frame.count, using: &rng))
                }
            }
            frames[f] = frame
        }
        return frames
    }

    @Test func mutatedFramesNeverTrap() throws {
        var rng = SplitMix64(state: 20_201_211)
        let originals = try Samples.messages.map { try WireCodec.encode($0) }
        var accepted = 0
        var codes: Set<WireError.Code> = []
        for _ in 0..<6000 {
            let frames = Self.mutate(originals.randomElement(using: &rng)!, &rng)
            do {
                let message = try WireCodec.decode(frames: frames)
                accepted += 1
                #expect(try WireCodec.decode(frames: WireCodec.encode(message)) == message)
            } catch {
                codes.insert(error.code)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(accepted > 0)
        #expect(codes.count >= 8)
    }

    @Test func randomBytesNeverTrap() {
        var rng = SplitMix64(state: 2045)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...6, using: &rng)
            var frames: [[UInt8]] = (0..<count).map { _ in
                (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            if count == 4, Bool.random(using: &rng) { frames[0] = WireCodec.frame0 }
            #expect(throws: WireError.self) { try WireCodec.decode(frames: frames) }
        }
    }
}
