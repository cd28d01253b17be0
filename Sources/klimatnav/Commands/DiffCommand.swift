import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore

/// `klimatnav diff`: what changed between two closed contract revisions.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two contract revisions, per party and section, and which gaps opened or closed.")

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(help: "The earlier revision (for example 2021).")
    var from: String

    @Option(help: "The later revision (for example 2022).")
    var to: String

    @Option(help: "Only changes that concern this party id.")
    var party: String?

    @Option(help: "Output format: text or json.")
    var format: DiffFormat = .text

    @Option(help: "Language of the text: sv or en (default: from LANG).")
    var lang: Language?

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if let party, PartyID(party) == nil {
            throw ValidationError("'\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
    }

    func run() async throws {
        let store = try Database.openReadOnly(db)
        let revisions = try await store.revisions()
        func find(_ id: String) throws -> RevisionSnapshot {
            if let found = revisions.first(where: { $0.revision.id == id }) { return found }
            let known = revisions.map(\.revision.id)
            throw CLIError(
                known.isEmpty
                    ? "no revision '\(id)' in '\(db)': no revision has been closed yet (the coordinator sends a 'revision' message)"
                    : "no revision '\(id)' in '\(db)'; closed revisions: \(known.joined(separator: ", "))")
        }
        let old = try find(from), new = try find(to)
        if let party, let id = PartyID(party), (try? new.state().parties[id]) == nil, (try? old.state().parties[id]) == nil {
            throw CLIError("no party '\(party)' in revision \(from) or \(to)")
        }
        let diff = try RevisionDiff(from: old, to: new, party: party.flatMap(PartyID.init), language: lang ?? .fromEnvironment())
        print(format == .json ? try diff.json() : diff.text(), terminator: "")
    }
}
