import ArgumentParser
import Foundation
import KlimatnavCore
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
            responses: try PlaybookSource.responses(), logger: logging.logger("klimatnav.run"))
        let summary: RunSummary
        do {
            summary = try await runner.run()
        } catch {
            throw CLIError("\(error)")
        }
        print(RunReport(summary: summary).text, terminator: "")
        // With emission inventories (the `sverige` playbook): the national picture, read back
        // from the hub's database, so it shows what the hub stored.
        if book.timeline.contains(where: { if case .inventoryReported = $0.event { true } else { false } }) {
            let store = try Database.openReadOnly(db)
            let state: WorldState
            do {
                state = try await store.currentState()
            } catch {
                throw CLIError("could not read the state back from '\(db)': \(error)")
            }
            print(NationalSummary(picture: NationalPicture(state: state), state: state).text, terminator: "")
        }
    }
}
