import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavStore
import Logging
import ServiceLifecycle
import ZeroMQ

/// `klimatnav hub`: the hub as its own process, for nodes on this or other machines.
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Run the hub: accept party nodes, store their messages, log and publish gaps.",
        discussion: """
            Nodes connect to --bind (a ROUTER socket) and may subscribe to --publish (a PUB socket \
            carrying state deltas and gap events). The roster of parties allowed to connect comes \
            from --playbook (default: the embedded Klimatkontrakt 2030 playbook). Stop with Ctrl-C: \
            the hub finishes the current group commit and exits.
            """)

    @Option(help: "ROUTER endpoint for nodes, for example tcp://*:5555 (repeatable).")
    var bind: [String] = []

    @Option(help: "PUB endpoint for deltas and gap events, for example tcp://*:5556.")
    var publish: [String] = []

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(help: "The playbook whose parties form the roster (default: the embedded one).")
    var playbook: String?

    @Option(help: "Commit durability: full (survives power loss) or normal (faster).")
    var durability: HubStore.Durability = .full

    @Option(help: "Directory of authorized public keys (<party-id>.pub; NAME.subscriber.pub for a read-only dashboard): turns on CURVE.")
    var keys: String?

    @Option(name: .customLong("secret-key"), help: "The hub's secret key file (klimatnav keys generate --hub).")
    var secretKey: String?

    @Flag(help: "Run without CURVE on non-loopback endpoints: identities come from HELLO, anyone can connect.")
    var insecure = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if bind.isEmpty { throw ValidationError("give at least one --bind ENDPOINT, for example --bind tcp://*:5555") }
        try HubSecurityOptions.validate(keys: keys, secretKey: secretKey, insecure: insecure, endpoints: bind + publish)
    }

    func run() async throws {
        let logger = logging.logger("klimatnav.hub")
        let book = try PlaybookSource.load(playbook)
        let context = try ZeroMQContext()
        var options = HubOptions(
            bind: bind, publish: publish, roster: book.parties,
            durability: durability, responses: book.quoting(try PlaybookSource.responses()))
        options.referenceGoals = book.referenceGoals
        // Every party's long-lived node (`klimatnav node` without --playbook) keeps a replica.
        options.snapshotKinds = Set(PartyKind.allCases)
        options.security = try HubSecurityOptions.load(keys: keys, secretKey: secretKey, roster: book.parties)
        // The sockets are bound first: a hub whose address is taken creates no database.
        let hub = try Hub(context: context, options: options, logger: logger) {
            try HubStore(path: db, durability: durability, holder: "hub")
        }
        let group = ServiceGroup(
            services: [HubService(hub: hub)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        let serving = Task { await capture { try await group.run() } }
        let endpoints: HubEndpoints
        do {
            endpoints = try await hub.ready()
        } catch {
            _ = await serving.value
            await context.shutdownAndWait()
            // Stopped (Ctrl-C, SIGTERM) before it started: nothing went wrong.
            if error is CancellationError { return }
            throw CLIError(HubCommand.explain(error, bind: bind, publish: publish))
        }
        let security: String
        if let hubSecurity = options.security {
            security = " (CURVE, hub key \(hubSecurity.publicKey.z85), \(hubSecurity.keyRing.count) authorized keys)"
        } else {
            security = " (insecure)"
            logger.warning("insecure mode: node identities are taken from HELLO; do not expose these endpoints beyond a trusted network")
        }
        let reload = HubSecurityOptions.reloadOnHangUp(hub)
        defer { reload?.cancel() }
        // Parsers and scripts wait for this line.
        let banner =
            "hub listening on \(endpoints.router ?? "?")\(endpoints.publisher.map { ", publishing on \($0)" } ?? "")\(security)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        let served = await serving.value
        hub.shutdown()
        await context.shutdownAndWait()
        hub.releaseDatabase()
        try served.get()
    }

    /// A start-up failure in words a user can act on: which address is taken, which database
    /// is held by whom.
    static func explain(_ error: any Error, bind: [String], publish: [String]) -> String {
        if let error = error as? StoreError { return "\(error)" }
        if let error = error as? ZeroMQError, error.name == "EADDRINUSE" {
            let endpoint =
                error.operation.firstMatch(of: /zmq_bind\((.*)\)/).map { String($0.1) } ?? (bind + publish).joined(separator: ", ")
            return
                "the address \(endpoint) is already in use (another hub, or another program): stop it or choose another port. Nothing was created."
        }
        return "could not start the hub: \(error)"
    }
}
