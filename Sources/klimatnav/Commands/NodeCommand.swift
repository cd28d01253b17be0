import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavReport
import KlimatnavStore
import Logging
import ZeroMQ

/// `klimatnav node`: one party's node as its own process.
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run one party's node: with --db, a long-lived node; otherwise send a playbook's messages and exit.",
        discussion: """
            With --db PATH and --subscribe EP the node stays up until Ctrl-C or SIGTERM: it keeps a \
            replica of the hub's shared state in PATH (read it with gaps, report, serve and inbox), \
            its durable outbox in PATH.node/, and takes facts from `klimatnav say --db PATH`. \
            Without --db it sends every message the playbook schedules for --party (for the \
            coordinator, also those of the reference levels it speaks for), waits until the hub has \
            answered each, prints a one-line summary and exits 0 (1 if any message was refused).
            """)

    @Option(help: "The party id this node speaks for, for example goteborg.")
    var party: String

    @Option(help: "The hub's ROUTER endpoint, for example tcp://hub.example.org:5555.")
    var connect: String

    @Option(help: "The playbook with this party's messages (default: the embedded one).")
    var playbook: String?

    @Option(help: "Give up if the hub has not answered everything within this many seconds.")
    var timeout: Double = 60

    @Option(help: "This party's secret key file (klimatnav keys generate --party ID): turns on CURVE.")
    var key: String?

    @Option(name: .customLong("hub-key"), help: "The hub's public key: a .pub file or 40 characters of Z85.")
    var hubKey: String?

    @Option(
        help: ArgumentHelp(
            "The node's durable outbox (SQLite file; default: none, the outbox is in memory).",
            discussion:
                "Every message is written there before it is sent; run the node again with the same file after a crash and it resends what the hub had not answered, with the same sequence numbers, and skips what was already answered. Use one file per party and hub database."
        ))
    var outbox: String?

    @Option(help: "Run as a long-lived node with its replica database here (the outbox and the say socket go in PATH.node/).")
    var db: String?

    @Option(help: "With --db: the hub's PUB endpoint (its --publish), for the replica.")
    var subscribe: String?

    @Option(
        name: .customLong("party-file"),
        help: "With --db: your party's own file (goals, commitments, claims, barriers as in a playbook); each change is sent.")
    var partyFile: String?

    @Option(help: "With --db: language of the gap lines it logs, sv or en (default: from LANG).")
    var lang: Language?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if db != nil {
            if playbook != nil { throw ValidationError("--db runs a long-lived node and --playbook a one-shot sender: give one of them") }
            if outbox != nil {
                throw ValidationError(
                    "--outbox is for the one-shot sender; a long-lived node keeps its outbox in --db's PATH.node/outbox.db")
            }
            if subscribe == nil {
                throw ValidationError("--db needs --subscribe EP, the hub's PUB endpoint (its --publish), for the replica")
            }
        } else if subscribe != nil || lang != nil || partyFile != nil {
            throw ValidationError("--subscribe, --party-file and --lang are for a long-lived node: give --db PATH too")
        }
        guard PartyID(party) != nil else {
            throw ValidationError("'\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
        if (key == nil) != (hubKey == nil) { throw ValidationError("--key and --hub-key go together (CURVE needs both)") }
    }

    func run() async throws {
        if let db, let subscribe { return try await runService(db: db, publisher: subscribe) }
        let logger = logging.logger("klimatnav.node.\(party)")
        let book = try PlaybookSource.load(playbook)
        guard let id = PartyID(party), let me = book.parties.first(where: { $0.id == id }) else {
            throw CLIError(
                "party '\(party)' is not in the playbook; its parties are: \(book.parties.map(\.id.rawValue).joined(separator: ", "))")
        }
        guard me.kind != .reference else {
            throw CLIError("'\(party)' is a reference level and has no node; the coordinator sends its goals")
        }
        let speaksFor: Set<PartyID> =
            me.kind == .coordinator
            ? Set([id] + book.parties.filter { $0.kind == .reference }.map(\.id)) : [id]
        let messages = book.schedule().filter { speaksFor.contains($0.from) }
        let context = try ZeroMQContext()
        let curve: CurveClient?
        var linkOptions = LinkOptions()
        do {
            curve = try HubSecurityOptions.client(key: key, hubKey: hubKey)
            if let outbox { linkOptions.outbox = try OutboxFile.open(outbox) }
        } catch {
            await context.shutdownAndWait()
            throw error
        }
        if curve == nil { logger.warning("no --key: connecting without CURVE; a CURVE hub will not answer") }
        let link = try PartyLink(context: context, party: id, endpoint: connect, options: linkOptions, logger: logger, curve: curve)
        let reader = Task { await link.run() }
        var session = NodeSession(link: link, messages: messages, timeout: timeout)
        session.outbox = linkOptions.outbox
        session.endpoint = connect
        session.onWaiting = { line in FileHandle.standardError.write(Data("\(party): \(line)\n".utf8)) }
        let played = await capture { try await session.play() }
        await link.close()
        await reader.value
        await context.shutdownAndWait()
        let outcome = try played.get()
        print("\(party): \(messages.count) messages, \(outcome.acknowledged) acknowledged, \(outcome.refused.count) refused")
        for refusal in outcome.refused { print("  refused: \(refusal)") }
        if !outcome.refused.isEmpty { throw ExitCode(1) }
    }
}
