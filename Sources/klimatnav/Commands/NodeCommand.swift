import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavStore
import Logging
import ZeroMQ

/// `klimatnav node`: one party's node as its own process.
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run one party's node: send its messages from a playbook to a hub, then exit.",
        discussion: """
            Sends every message the playbook schedules for --party (for the coordinator, also those \
            of the reference levels it speaks for), waits until the hub has answered each, prints \
            a one-line summary and exits 0 (1 if any message was refused).
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

    @Option(help: ArgumentHelp(
        "The node's durable outbox (SQLite file; default: none, the outbox is in memory).",
        discussion: "Every message is written there before it is sent; run the node again with the same file after a crash and it resends what the hub had not answered, with the same sequence numbers, and skips what was already answered. Use one file per party and hub database."))
    var outbox: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard PartyID(party) != nil else {
            throw ValidationError("'\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
        if (key == nil) != (hubKey == nil) { throw ValidationError("--key and --hub-key go together (CURVE needs both)") }
    }

    func run() async throws {
        let logger = logging.logger("klimatnav.node.\(party)")
        let book = try PlaybookSource.load(playbook)
        guard let id = PartyID(party), let me = book.parties.first(where: { $0.id == id }) else {
            throw CLIError("party '\(party)' is not in the playbook; its parties are: \(book.parties.map(\.id.rawValue).joined(separator: ", "))")
        }
        guard me.kind != .reference else {
            throw CLIError("'\(party)' is a reference level and has no node; the coordinator sends its goals")
        }
        let speaksFor: Set<PartyID> = me.kind == .coordinator
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
