import ArgumentParser

struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hub", abstract: "(in progress)")
    func run() async throws { throw ValidationError("'hub' is not built yet") }
}
