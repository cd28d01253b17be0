import ArgumentParser
import Foundation
import KlimatnavStore

/// Opening the hub's database from a command that only reads it.
enum Database {
    /// Opens `path` read-only (``HubStore/init(readOnlyPath:)``): the readers (`serve`,
    /// `report`, `gaps`, `log`, `diff`) never write to the hub's file and never migrate it.
    static func openReadOnly(_ path: String) throws -> HubStore {
        if !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at '\(path)'; run `klimatnav run` or `klimatnav hub` first, or pass --db PATH")
        }
        do {
            return try HubStore(readOnlyPath: path)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
