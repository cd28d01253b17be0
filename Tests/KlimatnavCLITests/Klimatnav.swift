import Foundation

/// Runs the `klimatnav` binary built next to the test bundle.
enum Klimatnav {
    /// The binary: beside the test bundle in the build folder.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("klimatnav")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "klimatnav")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `klimatnav ARGS` to completion on a thread of its own, so waiting for the child
    /// never blocks the Swift cooperative pool (other tests run there meanwhile).
    static func run(_ arguments: [String], in directory: URL? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, in: directory) })
            }.start()
        }
    }

    /// Starts `klimatnav ARGS` in the background and returns it with its first line of output,
    /// read on a thread of its own.
    static func start(_ arguments: [String]) async throws -> (Process, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try startBlocking(arguments) })
            }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], in directory: URL?) throws -> Result {
        try Subprocess.runBlocking(binary.path, arguments, in: directory)
    }

    private static func startBlocking(_ arguments: [String]) throws -> (Process, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        return (process, String(decoding: line, as: UTF8.self))
    }
}

/// A value set once from another thread.
final class Locked: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data
    private var finished = false
    init(_ data: Data) { self.data = data }
    func set(_ value: Data) {
        lock.lock()
        data = value
        finished = true
        lock.unlock()
    }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
}

/// A temporary folder for one test.
struct Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's root folder (for playbooks and expected outputs).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
