import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavReport
import KlimatnavStore
import UnixSignals

/// `klimatnav run`: the main job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a playbook through a hub and one node per party, and print the gaps found.",
        discussion: """
            With no PLAYBOOK, runs the embedded Klimatkontrakt 2030 playbook. Everything happens in \
            one process, but every message travels over real ZeroMQ sockets (TCP on loopback) and \
            is stored in the SQLite database before it is acknowledged. Running twice on one \
            database is safe: the facts are asserted again and the gaps stay the same (the log \
            keeps both runs' messages, and `run` says so). Ctrl-C stops sending, lets the hub \
            commit what it acknowledged, prints what was stored, and exits with status 130.
            """)

    @Argument(help: "A playbook YAML file (default: the embedded Klimatkontrakt 2030 playbook).")
    var playbook: String?

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(help: "Commit durability: full (survives power loss) or normal (faster).")
    var durability: HubStore.Durability = .full

    @Option(help: ArgumentHelp("Run a synthetic national playbook of this scale instead (tests, benchmarks).", visibility: .hidden))
    var syntheticScale: Int?

    @Option(help: "Language of the summary: sv or en (default: from LANG; Swedish when it starts with sv).")
    var lang: Language?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let book = try syntheticScale.map { SyntheticPlaybook.generate(seed: 1, scale: $0) } ?? PlaybookSource.load(playbook)
        let stop = StopRequest()
        var runner = PlaybookRunner(
            playbook: book, databasePath: db, durability: durability,
            responses: book.quoting(try PlaybookSource.responses()), logger: logging.logger("klimatnav.run"), stop: stop)
        runner.onSending = { count in
            FileHandle.standardError.write(
                Data("klimatnav: sending \(count) messages from \(book.parties.count) parties (Ctrl-C stops cleanly)\n".utf8))
        }
        // Ctrl-C or SIGTERM: stop sending and finish cleanly; a second one ends the process at once
        // (SQLite's transactions keep the database consistent either way).
        let signals = Task {
            var received = 0
            for await signal in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                received += 1
                if received > 1 { Foundation.exit(130) }
                FileHandle.standardError.write(
                    Data(
                        "\nklimatnav: \(signal) received: sending no more messages, storing what was sent (press Ctrl-C again to quit at once)\n"
                            .utf8))
                stop.request()
            }
        }
        defer { signals.cancel() }
        let summary: RunSummary
        do {
            summary = try await runner.run()
        } catch {
            throw CLIError("\(error)")
        }
        print(RunReport(summary: summary, language: lang ?? .fromEnvironment()).text, terminator: "")
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
            print(
                NationalSummary(picture: NationalPicture(state: state), state: state, language: lang ?? .fromEnvironment()).text,
                terminator: "")
        }
        if summary.interrupted { throw ExitCode(130) }
    }
}
