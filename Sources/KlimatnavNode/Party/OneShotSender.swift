import Foundation
import KlimatnavCore
import Logging
import ZeroMQ

/// Sends a few domain messages to a hub as one party and returns what became of each: connects,
/// says HELLO, sends them in order (each after the previous one's answer), closes. What
/// `klimatnav followup` uses, and what a long-lived node's `say` can call.
///
/// Without a durable outbox the node does not remember its sender sequence; the hub's WELCOME
/// tells it where to continue (protocol section 6.1), so one-shot sends never reuse a number.
public enum OneShotSender {
    /// Gave up: no WELCOME or no answer within the timeout.
    public struct TimedOut: Error, CustomStringConvertible {
        public var description: String
    }

    public static func send(
        _ events: [DomainEvent], as party: PartyID, to endpoint: String, curve: CurveClient? = nil,
        options: LinkOptions = LinkOptions(), timeout: Double = 30, logger: Logger
    ) async throws -> [Delivery] {
        let context = try ZeroMQContext()
        let link: PartyLink
        do {
            link = try PartyLink(context: context, party: party, endpoint: endpoint, options: options, logger: logger, curve: curve)
        } catch {
            await context.shutdownAndWait()
            throw error
        }
        let reader = Task { await link.run() }
        let deadline = Date().addingTimeInterval(timeout)
        let expire: @Sendable () async -> Void = { await link.close() }
        let result: Result<[Delivery], any Error>
        do {
            try await Deadline.run(until: deadline, what: "the hub's WELCOME from \(endpoint) (is a hub running there?)", onExpiry: expire)
            {
                try await link.hello()
            }
            var deliveries: [Delivery] = []
            for event in events {
                deliveries.append(
                    try await Deadline.run(until: deadline, what: "the hub's answer to '\(event.name)'", onExpiry: expire) {
                        try await link.deliver(event)
                    })
            }
            result = .success(deliveries)
        } catch {
            result = .failure(error)
        }
        await link.close()
        await reader.value
        await context.shutdownAndWait()
        return try result.get()
    }
}
