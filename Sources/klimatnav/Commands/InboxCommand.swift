import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavReport
import KlimatnavStore

/// `klimatnav inbox`: the gaps that name the node's party, from its replica: new since the
/// last read, open, resolved.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Show the gaps that concern your party, from your node's replica: new since last read, open, resolved.",
        discussion: "Reads the replica a long-lived node keeps (klimatnav node --db PATH); marks what it showed as read unless --peek.")

    @Option(help: "The node's replica database.")
    var db: String = "klimatnav.db"

    @Option(help: "Whose gaps (default: the node's own party).")
    var party: String?

    @Flag(help: "Show without marking anything as read.")
    var peek = false

    @Option(help: "Language: sv or en (default: from LANG; Swedish when it starts with sv).")
    var lang: Language?

    func run() async throws {
        let store = try Database.openReadOnly(db)
        let named: String? = if let party { party } else { try await store.meta(PartyService.partyKey) }
        guard let party = named else {
            throw CLIError("\(db) is not a node's replica (it names no party); give --party ID, or start `klimatnav node --db \(db)`")
        }
        let paths = NodePaths(replica: db)
        let mark = (try? String(contentsOfFile: paths.inboxMark, encoding: .utf8)).flatMap(InboxMark.init(text:)) ?? InboxMark()
        let inbox = try await store.inbox(party: party, since: mark)
        let c = Catalogue(lang ?? .fromEnvironment())
        let state = try await store.currentState()
        let sv = c.language == .sv
        let sections: [(String, [GapRecord])] = [
            (sv ? "Nytt sedan senast" : "New since last read", inbox.new),
            (sv ? "Öppna" : "Open", inbox.open),
            (sv ? "Åtgärdade" : "Resolved", inbox.resolved),
        ]
        print(sv ? "Glapp som rör \(party) (\(db))" : "Gaps concerning \(party) (\(db))")
        for (title, records) in sections {
            print("\n\(title) (\(records.count))")
            print(GapOutput(records: records).table(c, state: state), terminator: "")
        }
        if !peek, inbox.mark != mark {
            do {
                try paths.makeDirectory()
                try inbox.mark.text().write(toFile: paths.inboxMark, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("could not mark the inbox as read in \(paths.inboxMark): \(error.localizedDescription)")
            }
        }
    }
}
