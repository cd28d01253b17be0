import ArgumentParser
import Foundation
import KlimatnavStore

/// Opening the hub's database from a command.
enum Database {
    /// Opens `path`; with `mustExist`, a missing file is an error instead of a new database.
    static func open(_ path: String, mustExist: Bool) throws -> HubStore {
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at '\(path)'; run `klimatnav run` or `klimatnav hub` first, or pass --db PATH")
        }
        do {
            return try HubStore(path: path)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
