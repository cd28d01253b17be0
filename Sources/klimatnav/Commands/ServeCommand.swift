import ArgumentParser
import Foundation
import KlimatnavDashboard
import KlimatnavNode
import KlimatnavReport
import KlimatnavStore
import Logging
import ZeroMQ

/// `klimatnav serve`: the read-only web dashboard and JSON API over a hub's database, with a
/// live gap feed from the hub's PUB socket.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a read-only web dashboard and JSON API over a hub's database.",
        discussion: """
            Shows the report's views in a browser: the overview (gap counts per kind), the goal \
            table and trajectories, gaps with evidence, recommendation and age, barriers and policy \
            labs, every party, and the closed contract revisions with what changed between two, in \
            Swedish or English, with /api/... JSON and /api/gaps.csv. With --hub, new gap events from \
            the hub's --publish endpoint appear on open pages without a reload; a CURVE hub needs \
            --key (a read-only subscriber key, 'klimatnav keys generate --subscriber NAME', or the \
            coordinator's) and --hub-key, as for 'klimatnav node'. A key the hub refuses stops the \
            server at start-up. Binds to loopback only unless --public is given. Stop with Ctrl-C.
            """)

    @Option(help: "The hub's database file (read only).")
    var db: String = "klimatnav.db"

    @Option(help: "The hub's PUB endpoint for the live feed, for example tcp://127.0.0.1:5556.")
    var hub: String?

    @Option(help: "The secret key file to subscribe with (NAME.subscriber.key or the coordinator's): turns on CURVE.")
    var key: String?

    @Option(name: .customLong("hub-key"), help: "The hub's public key: a .pub file or 40 characters of Z85.")
    var hubKey: String?

    @Option(help: "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one).")
    var http: String = "127.0.0.1:8080"

    @Option(help: "Default page language: sv or en (a page's ?lang= overrides it).")
    var lang: Language = .sv

    @Flag(help: "Allow a non-loopback --http address: anyone who reaches it reads everything the coordinator may read.")
    var `public` = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if (key == nil) != (hubKey == nil) { throw ValidationError("--key and --hub-key go together (CURVE needs both)") }
        if key != nil && hub == nil { throw ValidationError("--key and --hub-key are for the live feed: give --hub too") }
        do {
            let (host, _) = try BindAddressCheck.parse(http)
            try BindAddressCheck.check(host: host, allowPublic: `public`)
        } catch {
            throw ValidationError("--http: \(error)")
        }
    }

    func run() async throws {
        let logger = logging.logger("klimatnav.serve")
        let (host, port) = try BindAddressCheck.parse(http)
        let store = try Database.openReadOnly(db)
        let curve = try HubSecurityOptions.client(key: key, hubKey: hubKey)
        let context = try ZeroMQContext()
        let feed: LiveFeed
        do {
            feed =
                try hub.map { endpoint in
                    try LiveFeed(context: context, endpoint: endpoint, logger: logger) { try curve?.configure($0) }
                } ?? LiveFeed(logger: logger)
        } catch {
            await context.shutdownAndWait()
            throw CLIError("could not subscribe to the hub at '\(hub ?? "")': \(error)")
        }
        let reader = Task { await feed.run() }
        do {
            try await checkFeed(feed, logger: logger)
        } catch {
            await stop(feed, reader, context)
            throw error
        }
        do {
            try await serve(store: store, feed: feed, host: host, port: port, logger: logger)
        } catch {
            await stop(feed, reader, context)
            throw ServeCommand.explain(error, http: http)
        }
        await stop(feed, reader, context)
    }

    /// A start-up failure in words: a taken port is named, not left as a socket call's text.
    static func explain(_ error: any Error, http: String) -> any Error {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return CLIError(
                "the address \(http) is already in use (another dashboard, or another program): stop it or choose another --http HOST:PORT")
        }
        return error
    }

    /// Closes the feed, then ends the ZeroMQ context off the cooperative pool.
    private func stop(_ feed: LiveFeed, _ reader: Task<Void, Never>, _ context: ZeroMQContext) async {
        feed.close()
        reader.cancel()
        await context.shutdownAndWait()
    }

    private func serve(store: HubStore, feed: LiveFeed, host: String, port: Int, logger: Logger) async throws {
        let dashboard = Dashboard(store: store, feed: feed, language: lang, allowPublic: `public`)
        try await dashboard.run(host: host, port: port, logger: logger) { actual in
            let shown = host.contains(":") ? "[\(host)]" : host
            // Scripts wait for this line.
            let live = hub.map { " (live feed from \($0)\(key == nil ? "" : ", CURVE"))" } ?? ""
            FileHandle.standardOutput.write(Data("dashboard at http://\(shown):\(actual)/\(live)\n".utf8))
        }
    }
}
