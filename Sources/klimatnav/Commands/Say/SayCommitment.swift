import ArgumentParser

/// `klimatnav say commitment`: a `commitment` under a section of the climate contract.
struct SayCommitment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment", abstract: "State what you commit to under a contract section (commitment).")

    @Option(help: "The contract section, for example 3.7.") var section: String?
    @Option(help: "described, general, nothing-described or absent.") var status: String?
    @Option(help: "The commitment in a sentence.") var summary: String?
    @Option(help: "true when it has a scope 3 indicator.") var scope3Indicator: String?
    @Option(help: "Where this comes from.") var source: String?
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say(
            "commitment",
            [
                "section": SayOptions.text(section), "status": SayOptions.text(status), "summary": SayOptions.text(summary),
                "scope3Indicator": SayOptions.text(scope3Indicator), "source": SayOptions.text(source),
            ])
    }
}
