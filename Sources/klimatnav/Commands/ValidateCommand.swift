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
        let state: WorldState
        do {
            state = try book.state(through: nil)
        } catch {
            throw CLIError("the playbook's messages do not apply in order: \(error)")
        }
        let name = playbook ?? "klimatkontrakt-2030 (embedded)"
        print("\(name): ok: \(book.parties.count) parties, \(schedule.count) messages\(book.illustrative ? " (illustrative)" : "")")
        for pair in BarrierDuplicates.find(in: Array(state.barriers.values)) {
            print("\(name): note: \(pair)")
        }
    }
}
