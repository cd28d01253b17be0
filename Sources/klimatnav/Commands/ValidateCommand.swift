import ArgumentParser
import KlimatnavCore
import KlimatnavPlaybook

/// `klimatnav validate`: checks a playbook and prints errors like a compiler.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a playbook: print every error as FILE:LINE:COLUMN: error: ..., exit 1 if any.")

    @Argument(help: "The playbook YAML file (default: the embedded Klimatkontrakt 2030 playbook).")
    var playbook: String?

    func run() async throws {
        let book = try PlaybookSource.load(playbook)
        let schedule = book.schedule()
        do {
            _ = try book.state(through: nil)
        } catch {
            throw CLIError("the playbook's messages do not apply in order: \(error)")
        }
        print("\(playbook ?? "klimatkontrakt-2030 (embedded)"): ok: \(book.parties.count) parties, \(schedule.count) messages\(book.illustrative ? " (illustrative)" : "")")
    }
}
