import ArgumentParser
import Foundation
import KlimatnavNode
import KlimatnavStore

/// `klimatnav run`: the main job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a playbook through a hub and one node per party, and print the gaps found.",
        discussion: """
            With no PLAYBOOK, runs the embedded Klimatkontrakt 2030 playbook. Everything happens in \
            one process, but every message travels over real ZeroMQ sockets (TCP on loopback) and \
            is stored in the SQLite database before it is acknowledged. Running twice on one \
            database is safe: the facts are asserted again and the gaps stay the same.
            """)

    @Argument(help: "A playbook YAML file (default: the embedded Klimatkontrakt 2030 playbook).")
    var playbook: String?

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(help: "Commit durability: full (survives power loss) or normal (faster).")
    var durability: String = "full"

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard HubStore.Durability(rawValue: durability) != nil else {
            throw ValidationError("--durability must be 'full' or 'normal', found '\(durability)'")
        }
    }

    func run() async throws {
        let book = try PlaybookSource.load(playbook)
        let runner = PlaybookRunner(
            playbook: book, databasePath: db, durability: HubStore.Durability(rawValue: durability) ?? .full,
            responses: book.quoting(try PlaybookSource.responses()), logger: logging.logger("klimatnav.run"))
        let summary: RunSummary
        do {
            summary = try await runner.run()
        } catch {
            throw CLIError("\(error)")
        }
        print(RunReport(summary: summary).text, terminator: "")
    }
}
