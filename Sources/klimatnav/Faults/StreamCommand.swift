import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavStore
import ZeroMQ

/// `klimatnav stream` (hidden, for fault tests): one municipality streams N goal assertions
/// with distinct ids through a durable outbox, and waits until the hub answered each.
/// Run it again on the same outbox after a crash: it queues only what the outbox does not
/// hold yet and the link resends what is unanswered.
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream", abstract: "Stream N goal assertions through a durable outbox (fault tests).",
        shouldDisplay: false)

    @Option(help: "A municipality on the hub's roster.") var party: String
    @Option(help: "The hub's ROUTER endpoint.") var connect: String
    @Option(help: "How many messages in all.") var count: Int = 1000
    @Option(help: "The durable outbox file.") var outbox: String
    @Option(help: "Messages per outbox transaction.") var batch: Int = 50
    @Option(help: "At most this many messages per second (0: no limit).") var rate: Double = 0
    @Option(help: "Give up after this many seconds.") var timeout: Double = 300
    @Option(help: "Unanswered messages at which the stream waits.") var maxInFlight: Int = 4096
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        guard let id = PartyID(party) else { throw ValidationError("'\(party)' is not a party id") }
        let logger = logging.logger("klimatnav.stream.\(party)")
        let durable = try OutboxFile.open(outbox)
        let already = Set(try durable.latestByKey().keys)
        let context = try ZeroMQContext()
        defer { context.shutdown() }
        var options = LinkOptions(resendAfterMs: 1000, maxResendMs: 4000, maxInFlight: maxInFlight)
        options.outbox = durable
        options.onHubSilent = { date in emit("stream: party=\(id) hub-silent at_ms=\(Int64(date.timeIntervalSince1970 * 1000))") }
        let link = try PartyLink(context: context, party: id, endpoint: connect, options: options, logger: logger)
        let reader = Task { await link.run() }
        let deadline = Date().addingTimeInterval(timeout)
        let start = Date()
        emit("stream: party=\(id) started resumed=\(already.count)")
        var submitted = 0
        var chunk: [(DomainEvent, String?)] = []
        for index in 0..<count where !already.contains("s\(index)") {
            chunk.append((.goalAsserted(StreamCommand.goal(id, index)), "s\(index)"))
            if chunk.count >= batch {
                try await link.submit(contentsOf: chunk)
                submitted += chunk.count
                chunk = []
                if rate > 0 {
                    let due = start.addingTimeInterval(Double(submitted) / rate)
                    if due > Date() { try await Task.sleep(for: .seconds(due.timeIntervalSinceNow)) }
                }
            }
            if Date() > deadline { break }
        }
        if !chunk.isEmpty {
            try await link.submit(contentsOf: chunk)
            submitted += chunk.count
        }
        while await link.unanswered > 0 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        await link.close()
        await reader.value
        let counts = try durable.counts()
        emit(
            "stream: party=\(id) done submitted=\(submitted) acknowledged=\(counts.acknowledged) refused=\(counts.refused) pending=\(counts.pending) seconds=\(String(format: "%.1f", Date().timeIntervalSince(start)))"
        )
        if counts.pending > 0 { throw ExitCode(2) }
    }

    /// Goal number `index` of `party`: valid, told apart by its text. The ids cycle over 16
    /// (a goal asserted again replaces the earlier one), so the hub's state and its gap work
    /// stay small however long the stream runs.
    static func goal(_ party: PartyID, _ index: Int) -> Goal {
        Goal(
            id: "\(party).stream-\(index % 16)", party: party, scopes: [1, 2], reductionPercent: 70, baseYear: 1990,
            basis: .absolute, targetYear: 2030, text: "stream goal \(index)")
    }
}
