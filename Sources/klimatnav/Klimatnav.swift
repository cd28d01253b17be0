import ArgumentParser
import KlimatnavNode

/// The `klimatnav` command: finds and logs the gaps between climate promises across levels.
@main
struct Klimatnav: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "klimatnav",
        abstract: "Find and log the gaps between climate promises across levels of government.",
        discussion: """
            `klimatnav run` plays the Klimatkontrakt 2030 playbook through a hub and one node per \
            party and prints the gaps it found. `klimatnav gaps` reads them back from the database.
            """,
        version: KlimatnavVersion.text,
        subcommands: [
            RunCommand.self, HubCommand.self, NodeCommand.self, GapsCommand.self, LogCommand.self,
            ValidateCommand.self, ServeCommand.self, DiffCommand.self, ReportCommand.self, KeysCommand.self,
            ProbeCommand.self, SayCommand.self, InboxCommand.self, FollowUpCommand.self,
            // Hidden, for fault and abuse tests (scripts/faults.sh, RELIABILITY.md).
            StreamCommand.self, FaultCheckCommand.self, ProxyCommand.self, FuzzHubCommand.self, StallSubCommand.self,
        ]
    )

    /// Caps malloc's arenas before any other thread starts (MallocArenas.swift), then runs
    /// the command as ArgumentParser would.
    static func main() async {
        MallocArenas.limit(2)
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
