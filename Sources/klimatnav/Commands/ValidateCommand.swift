import ArgumentParser

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(in progress)")
    func run() async throws { throw ValidationError("'validate' is not built yet") }
}
