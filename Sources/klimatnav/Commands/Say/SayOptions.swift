import ArgumentParser
import Foundation
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavReport

/// What every `klimatnav say` verb shares: which node to hand the fact to and how long to
/// wait for the hub's answer; and how it hands it over and prints the answer.
struct SayOptions: ParsableArguments {
    @Option(help: "The running node's replica database (as given to `klimatnav node --db`).")
    var db: String = "klimatnav.db"

    @Option(help: "Seconds to wait for the hub's answer before reporting the fact as queued.")
    var wait: Double = 5

    @Option(help: "Language of the answer: sv or en (default: from LANG).")
    var lang: Language?

    /// Sends `message` with the given body keys (nil values left out) and prints the answer;
    /// exits 1 when the fact was refused or invalid.
    func say(_ message: String, _ fields: [String: BodyValue?]) async throws {
        let body = fields.compactMapValues { $0 }
        let answer = try await LocalClient.send(
            LocalRequest(message: message, body: body, waitMs: Int(max(0, wait) * 1000)), db: db)
        let sv = (lang ?? .fromEnvironment()) == .sv
        switch answer.outcome {
        case .accepted:
            print(
                sv
                    ? "godkänt: navet har sparat '\(message)' (meddelande \(answer.sequence ?? 0))"
                    : "accepted: the hub stored '\(message)' (message \(answer.sequence ?? 0))")
        case .queued:
            print(
                sv
                    ? "köat: navet svarar inte, meddelandet skickas när det är tillbaka (meddelande \(answer.sequence ?? 0))"
                    : "queued: hub not reachable, will be sent when it returns (message \(answer.sequence ?? 0))")
        case .refused:
            print(
                sv
                    ? "avvisat av navet: \(answer.reason ?? "") (\(answer.code ?? ""))"
                    : "refused by the hub: \(answer.reason ?? "") (\(answer.code ?? ""))")
            throw ExitCode(1)
        case .invalid:
            for error in answer.errors ?? [] { FileHandle.standardError.write(Data("error: \(error)\n".utf8)) }
            print(sv ? "inte skickat: rätta felen ovan" : "not sent: fix the errors above")
            throw ExitCode(1)
        }
    }

    /// A comma-separated option as a list.
    static func list(_ text: String?) -> BodyValue? {
        text.map { .list($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    static func text(_ text: String?) -> BodyValue? { text.map { .text($0) } }
}
