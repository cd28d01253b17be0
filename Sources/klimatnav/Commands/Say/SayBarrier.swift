import ArgumentParser
import Foundation

/// `klimatnav say barrier`: a `barrier.report`.
struct SayBarrier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "barrier", abstract: "Report a regulatory barrier (barrier.report).")

    @Option(help: "The barrier's id (default: made from the title).") var id: String?
    @Option(help: "What the barrier is, in a sentence.") var title: String?
    @Option(help: "The law or rule, for example \"Plan- och bygglagen\".") var instrument: String?
    @Option(help: "The level that can change it: local, regional, national, eu or industry.") var changeLevel: String?
    @Option(help: "Who reports it (comma-separated; default: the node's party).") var reportedBy: String?
    @Option(help: "Parties the rule blocks (comma-separated).") var affects: String?
    @Option(help: "Topics it blocks (comma-separated ids).") var affectedTopics: String?
    @Option(help: "The agency responsible for the rule.") var responsibleAgency: String?
    @Option(help: "Where this comes from (a document, a line).") var source: String?
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say(
            "barrier.report",
            [
                "id": SayOptions.text(id ?? title.map(Self.slug)), "title": SayOptions.text(title),
                "instrument": SayOptions.text(instrument), "changeLevel": SayOptions.text(changeLevel),
                "reportedBy": SayOptions.list(reportedBy), "affects": SayOptions.list(affects),
                "affectedTopics": SayOptions.list(affectedTopics), "responsibleAgency": SayOptions.text(responsibleAgency),
                "source": SayOptions.text(source),
            ])
    }

    /// An id from a title: lowercase ASCII letters and digits, '-' between words, at most 64.
    static func slug(_ title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE")).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return String(words.joined(separator: "-").prefix(64))
    }
}
