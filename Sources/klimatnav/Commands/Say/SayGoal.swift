import ArgumentParser

/// `klimatnav say goal`: a `goal` (asserts or replaces one of the party's goals).
struct SayGoal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "goal", abstract: "State or change one of your goals (goal).")

    @Option(help: "The goal's id.") var id: String?
    @Option(help: "A goal word: climate-neutral, fossil-free, climate-positive, ...") var word: String?
    @Option(help: "Cut in percent against the base year (80 means -80 %).") var reductionPercent: String?
    @Option(help: "The base year.") var baseYear: String?
    @Option(help: "The target year.") var targetYear: String?
    @Option(help: "Tonnes per inhabitant at the target year.") var perCapitaTonnes: String?
    @Option(help: "A yearly cut in percent.") var annualRatePercent: String?
    @Option(help: "Scopes counted (comma-separated: 1,2,3).") var scopes: String?
    @Option(help: "geographic or organisational.") var orientation: String?
    @Option(help: "municipality, city, district or organisation.") var area: String?
    @Option(help: "The sector, when the goal covers one.") var sector: String?
    @Option(help: "adopted or proposed.") var status: String?
    @Option(help: "The goal this is an interim target of.") var interimOf: String?
    @Option(help: "absolute, per-capita or unstated.") var basis: String?
    @Option(help: "The goal in the party's own words.") var text: String?
    @Option(help: "Where this comes from.") var source: String?
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say(
            "goal",
            [
                "id": SayOptions.text(id), "word": SayOptions.text(word), "reductionPercent": SayOptions.text(reductionPercent),
                "baseYear": SayOptions.text(baseYear), "targetYear": SayOptions.text(targetYear),
                "perCapitaTonnes": SayOptions.text(perCapitaTonnes), "annualRatePercent": SayOptions.text(annualRatePercent),
                "scopes": SayOptions.list(scopes), "orientation": SayOptions.text(orientation), "area": SayOptions.text(area),
                "sector": SayOptions.text(sector), "status": SayOptions.text(status), "interimOf": SayOptions.text(interimOf),
                "basis": SayOptions.text(basis), "text": SayOptions.text(text), "source": SayOptions.text(source),
            ])
    }
}
