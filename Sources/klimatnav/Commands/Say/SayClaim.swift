import ArgumentParser

/// `klimatnav say claim`: a `responsibility.claim` (or `.release` with --release).
struct SayClaim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim responsibility for a topic (responsibility.claim).")

    @Option(help: "The topic id, for example transport-planning.") var topic: String?
    @Option(help: "The level you act at for it (default: your party's level).") var level: String?
    @Option(help: "Where this comes from.") var source: String?
    @Flag(help: "Give the responsibility up instead (responsibility.release).") var release = false
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say(
            release ? "responsibility.release" : "responsibility.claim",
            [
                "topic": SayOptions.text(topic), "level": SayOptions.text(level), "source": SayOptions.text(source),
            ])
    }
}
