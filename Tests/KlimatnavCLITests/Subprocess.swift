import Foundation

/// Runs any program to completion, reading its output on threads of its own.
enum Subprocess {
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) async throws -> Klimatnav.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, in: directory) })
            }.start()
        }
    }

    static func runBlocking(_ executable: String, _ arguments: [String], in directory: URL?) throws -> Klimatnav.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot stall the child.
        let errData = Locked(Data())
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Klimatnav.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }
}
