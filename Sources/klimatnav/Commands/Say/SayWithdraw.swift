import ArgumentParser

/// `klimatnav say withdraw`: a `goal.withdraw`.
struct SayWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw one of your goals (goal.withdraw).")

    @Option(help: "The goal's id.") var goal: String?
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say("goal.withdraw", ["goal": SayOptions.text(goal)])
    }
}
