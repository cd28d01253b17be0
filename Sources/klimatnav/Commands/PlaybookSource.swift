import Foundation
import KlimatnavCore
import KlimatnavPlaybook

/// Loading a playbook named on the command line, or the embedded default.
enum PlaybookSource {
    /// The playbook at `path`, or the embedded Klimatkontrakt 2030 playbook when `path` is nil.
    static func load(_ path: String?) throws -> Playbook {
        do {
            guard let path else {
                return try PlaybookLoader.load(yaml: EmbeddedPlaybooks.klimatkontrakt2030, file: "klimatkontrakt-2030.yaml (embedded)")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError("no playbook at '\(path)'")
            }
            return try PlaybookLoader.load(contentsOf: URL(fileURLWithPath: path))
        } catch let error as PlaybookError {
            throw CLIError("the playbook has \(error.diagnostics.count) error(s):\n\(error)")
        }
    }

    /// The embedded response playbook (what to do about each kind of gap).
    static func responses() throws -> ResponsePlaybook {
        do {
            return try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses, file: "responses.yaml (embedded)")
        } catch {
            throw CLIError("the embedded response playbook is invalid:\n\(error)")
        }
    }
}
