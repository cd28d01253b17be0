import Foundation
import KlimatnavWire

/// libFuzzer harness for the KNAV/1 codec (scripts/faults.sh builds it with
/// `-sanitize=fuzzer -DWIRE_FUZZER`). The input is split into frames: byte 0 is the frame
/// count (0-7), then each frame is a 2-byte big-endian length and that many bytes (a short
/// input ends the last frame early). Whatever decodes must encode again and decode to the
/// same message; nothing may trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func wireFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    WireFuzz.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum WireFuzz {
    static func frames(_ input: [UInt8]) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var offset = 1
        for _ in 0..<Int(input[0] % 8) {
            guard offset + 2 <= input.count else { break }
            let length = Int(input[offset]) << 8 | Int(input[offset + 1])
            offset += 2
            let end = min(input.count, offset + length)
            frames.append(Array(input[offset..<end]))
            offset = end
        }
        return frames
    }

    static func check(_ input: [UInt8]) {
        let frames = frames(input)
        guard let message = try? WireCodec.decode(frames: frames) else { return }
        guard let again = try? WireCodec.encode(message) else {
            fatalError("decoded but cannot encode: \(message)")
        }
        guard let back = try? WireCodec.decode(frames: again), back == message else {
            fatalError("re-encoded message decodes differently: \(message)")
        }
    }

    /// The input format from a fixture file's frames (one hex line per frame).
    static func seed(fromHex text: String) -> [UInt8] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        var out: [UInt8] = [UInt8(lines.count)]
        for line in lines {
            var bytes: [UInt8] = []
            var index = line.startIndex
            while let next = line.index(index, offsetBy: 2, limitedBy: line.endIndex), index < line.endIndex {
                bytes.append(UInt8(line[index..<next], radix: 16) ?? 0)
                index = next
            }
            out += [UInt8(bytes.count >> 8 & 0xFF), UInt8(bytes.count & 0xFF)] + bytes
        }
        return out
    }
}

#if WIRE_FUZZER
/// libFuzzer's driver (compiler-rt, LLVM 11 and later): runs the fuzzer with our callback.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point as `main`, so under libFuzzer the entry point
/// hands over to libFuzzer's driver instead of relying on libFuzzer's own `main`.
@main
struct WireFuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, wireFuzzOne))
    }
}
#else
/// Without libFuzzer: `wire-fuzz --seeds FIXTURE.hex... OUTDIR` writes the seed corpus;
/// `wire-fuzz FILE...` runs each file through the harness (replays a crash input).
@main
struct WireFuzzMain {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--seeds" {
            arguments.removeFirst()
            guard let folder = arguments.popLast() else { return }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for path in arguments {
                let seed = WireFuzz.seed(fromHex: try String(contentsOfFile: path, encoding: .utf8))
                let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                try Data(seed).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
            }
            return
        }
        for path in arguments {
            WireFuzz.check(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        print("wire-fuzz: \(arguments.count) inputs, no crash")
    }
}
#endif
