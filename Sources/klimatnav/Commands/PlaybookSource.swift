import Foundation
import KlimatnavCore
import KlimatnavPlaybook

/// Loading a playbook named on the command line, or the embedded default.
enum PlaybookSource {
    /// The playbook at `path`, the embedded Sweden playbook for `sverige`, or the embedded
    /// Klimatkontrakt 2030 playbook when `path` is nil. A file whose id is `sverige` is completed
    /// from `data/sweden/` beside it.
    static func load(_ path: String?) throws -> Playbook {
        do {
            guard let path else {
                return try PlaybookLoader.load(yaml: EmbeddedPlaybooks.klimatkontrakt2030, file: "klimatkontrakt-2030.yaml (embedded)")
            }
            if path == SwedenPlaybook.id, !FileManager.default.fileExists(atPath: path) {
                return try SwedenPlaybook.loadEmbedded()
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError("no playbook at '\(path)' (the embedded ones: no argument for Klimatkontrakt 2030, 'sverige' for Sweden)")
            }
            let url = URL(fileURLWithPath: path)
            let book = try PlaybookLoader.load(contentsOf: url)
            return book.id == SwedenPlaybook.id ? try SwedenPlaybook.load(contentsOf: url) : book
        } catch let error as PlaybookError {
            throw CLIError("the playbook has \(error.diagnostics.count) error(s):\n\(error)")
        }
    }

    /// The embedded response playbook (what to do about each kind of gap).
    static func responses() throws -> ResponsePlaybook {
        do {
            var book = try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses, file: "responses.yaml (embedded)")
            // A kind the file has no response for yet (delivery-gap) gets the built-in one.
            let covered = Set(book.responses.map(\.kind))
            book.responses += ResponsePlaybook.standard.responses.filter { !covered.contains($0.kind) }
            return book
        } catch {
            throw CLIError("the embedded response playbook is invalid:\n\(error)")
        }
    }
}
