import ArgumentParser

struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "node", abstract: "(in progress)")
    func run() async throws { throw ValidationError("'node' is not built yet") }
}
