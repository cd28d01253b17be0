import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import KlimatnavWire

/// Plays one party's scheduled messages through its link, as a separate node process does.
///
/// Messages are pipelined. A refusal because something another party sends has not arrived
/// yet (an unknown roadmap, barrier, goal, policy lab or gap: nodes on several machines do not
/// wait for each other) is retried with backoff until the deadline; other refusals are final.
public struct NodeSession: Sendable {
    public let link: PartyLink
    public let messages: [ScheduledMessage]
    public let timeout: Double
    /// The link's durable outbox, if any: messages it already holds (by key `m<index>`)
    /// are not queued again; unanswered ones are awaited (the link resends them).
    public var outbox: NodeOutbox? = nil
    /// The hub's address, named in waiting messages and errors.
    public var endpoint: String = "the hub"
    /// Told, every few seconds while there is no WELCOME yet, that the node is still trying
    /// (a line for the user: a node with no hub is not silent).
    public var onWaiting: (@Sendable (String) -> Void)? = nil

    public init(link: PartyLink, messages: [ScheduledMessage], timeout: Double) {
        self.link = link
        self.messages = messages
        self.timeout = timeout
    }

    /// What became of the messages.
    public struct Outcome: Sendable {
        public var acknowledged = 0
        public var refused: [String] = []
    }

    /// (A follow-up's gap, too: it opens when other parties' facts arrive.)
    static let waitForOthers: Set<WireError.Code> = [.unknownRoadmap, .unknownBarrier, .unknownGoal, .unknownPolicyLab, .unknownGap]

    public func play() async throws -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        let link = self.link
        let expire: @Sendable () async -> Void = { await link.close() }
        let endpoint = self.endpoint
        let waiting = onWaiting.map { report in
            Task {
                var waited = 0
                while true {
                    try await Task.sleep(for: .seconds(5))
                    waited += 5
                    report(
                        "still trying to reach the hub at \(endpoint): no WELCOME after \(waited) s (giving up after \(Int(timeout)) s); is the hub running, and is the address right?"
                    )
                }
            }
        }
        defer { waiting?.cancel() }
        try await Deadline.run(until: deadline, what: "the hub's WELCOME from \(endpoint) (is a hub running there?)", onExpiry: expire) {
            try await link.hello()
        }
        waiting?.cancel()
        var outcome = Outcome()
        var pending: [(Int, ScheduledMessage)] = []
        var resumed: [(UInt64, (Int, ScheduledMessage))] = []
        let queued = try outbox?.latestByKey() ?? [:]
        for (index, message) in messages.enumerated() {
            guard let record = queued["m\(index)"] else {
                pending.append((index, message))
                continue
            }
            switch record.state {
            case .pending: resumed.append((record.sequence, (index, message)))
            case .acknowledged: outcome.acknowledged += 1
            case .refused:
                if let code = record.code.flatMap(WireError.Code.init(rawValue:)), NodeSession.waitForOthers.contains(code) {
                    pending.append((index, message))
                } else {
                    outcome.refused.append("\(message.event.name): \(record.code ?? "?"): \(record.reason ?? "")")
                }
            }
        }
        var delay = 0.05
        while !pending.isEmpty || !resumed.isEmpty {
            var sequences = resumed
            resumed = []
            for (index, message) in pending {
                sequences.append((try await link.submit(message.event, key: "m\(index)"), (index, message)))
            }
            var retry: [(Int, ScheduledMessage)] = []
            for (sequence, (index, message)) in sequences {
                let delivery = try await Deadline.run(until: deadline, what: "the hub's answers", onExpiry: expire) {
                    await link.outcome(of: sequence)
                }
                switch delivery {
                case .acknowledged: outcome.acknowledged += 1
                case .refused(_, let code, let reason):
                    if NodeSession.waitForOthers.contains(code), Date().addingTimeInterval(delay) < deadline {
                        retry.append((index, message))
                    } else {
                        outcome.refused.append("\(message.event.name): \(code.rawValue): \(reason)")
                    }
                }
            }
            pending = retry
            if !pending.isEmpty {
                try await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, 2)
            }
        }
        return outcome
    }
}

/// Runs an operation with a deadline.
enum Deadline {
    struct Expired: Error, CustomStringConvertible {
        let what: String
        var description: String { "gave up waiting for \(what)" }
    }

    /// Runs `operation`; at `deadline`, calls `onExpiry` (which must make the operation
    /// return, for example by closing its socket) and throws.
    static func run<T: Sendable>(
        until deadline: Date, what: String, onExpiry: @escaping @Sendable () async -> Void,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let expired = StopRequest()
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(max(0, deadline.timeIntervalSinceNow)))
                expired.request()
                await onExpiry()
                throw Expired(what: what)
            }
            do {
                guard let first = try await group.next() else { throw Expired(what: what) }
                group.cancelAll()
                return first
            } catch {
                group.cancelAll()
                // The operation may fail first because `onExpiry` closed its socket: the
                // deadline is the reason then, and the error says so.
                if expired.isRequested { throw Expired(what: what) }
                throw error
            }
        }
    }
}
