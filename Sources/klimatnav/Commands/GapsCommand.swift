import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavDashboard
import KlimatnavReport
import KlimatnavStore

/// `klimatnav gaps`: the gaps in a hub's database, as a table, JSON or CSV.
struct GapsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List the gaps a hub has logged (open ones unless --all).")

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(
        help:
            "Output format: table, json, csv (RFC 4180, for programs) or excel (semicolons and a byte-order mark, opens in columns in Swedish Excel)."
    )
    var format: GapOutput.Format = .table

    @Option(help: "Only gaps of this kind (\(GapKind.allCases.map(\.rawValue).joined(separator: ", "))).")
    var kind: String?

    @Option(help: "Only gaps that concern this party id.")
    var party: String?

    @Flag(help: "Include resolved gaps (the whole history).")
    var all = false

    @Option(name: .customLong("assigned-to"), help: "Only gaps assigned to this party (klimatnav followup assign).")
    var assignedTo: String?

    @Flag(help: "Only gaps whose due date has passed (before --today).")
    var overdue = false

    @Flag(help: "Only dismissed gaps (they are left out otherwise; a dismissed gap the facts opened again is shown as re-opened).")
    var dismissed = false

    @Option(help: "The day overdue is measured against, YYYY-MM-DD (default: today, UTC).")
    var today: String?

    @Option(help: "Language of the table: sv or en (default: from LANG; Swedish when it starts with sv). JSON and CSV keep English keys.")
    var lang: Language?

    func validate() throws {
        if let kind, GapKind(rawValue: kind) == nil {
            throw ValidationError("unknown gap kind '\(kind)'; expected one of \(GapKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let party, PartyID(party) == nil {
            throw ValidationError("'\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
        if let assignedTo, PartyID(assignedTo) == nil {
            throw ValidationError("--assigned-to '\(assignedTo)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
        if let today, !Revision.isValidDate(today) {
            throw ValidationError("--today '\(today)' is not a date; write it YYYY-MM-DD")
        }
    }

    func run() async throws {
        let store = try Database.openReadOnly(db)
        let day = today ?? Timestamp.day(Date())
        let filter = GapFilter(
            party: party, kind: kind, includeResolved: all, assignedTo: assignedTo, overdue: overdue, dismissed: dismissed, today: day)
        if let problem = filter.problem(parties: try await store.parties().map(\.id.rawValue)) {
            throw CLIError("\(problem) (in \(db))")
        }
        let followUps = try await store.followUpHistory()
        let records = filter.apply(try await store.gaps(includeResolved: all), followUps: followUps)
        let output = GapOutput(records: records, followUps: followUps, today: day)
        let language = lang ?? .fromEnvironment()
        if format == .table, language == .sv {
            let model = try await ReportModel.load(from: store)
            print(output.table(Catalogue(.sv), state: model.state), terminator: "")
        } else {
            print(try output.render(format), terminator: "")
        }
    }
}
