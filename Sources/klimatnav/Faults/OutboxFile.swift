import Foundation
import KlimatnavStore

/// Opening a node's durable outbox from a command.
enum OutboxFile {
    static func open(_ path: String) throws -> NodeOutbox {
        do {
            return try NodeOutbox(path: path)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// Writes one line to standard output at once (scripts and tests read it live).
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
