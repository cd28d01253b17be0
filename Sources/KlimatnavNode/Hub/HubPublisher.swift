import Foundation
import KlimatnavWire
import Logging
import Synchronization
import ZeroMQ

/// The hub's PUB socket and what it last published: the committer publishes DELTAs and GAPs
/// after each commit, the timer publishes a HEARTBEAT (frame 2: the state sequence published
/// last) when the socket has been quiet for an interval (protocol section 9).
final class HubPublisher: Sendable {
    let socket: AsyncSocket
    /// The endpoints as bound (wildcards resolved), to rebind after a revocation.
    let endpoints: [String]
    let logger: Logger
    /// The current date (``HubTime/now``).
    let now: @Sendable () -> Date

    private struct Mark {
        var at: Date
        var stateSequence: UInt64
    }

    private let mark: Mutex<Mark>

    private init(socket: AsyncSocket, endpoints: [String], logger: Logger, now: @escaping @Sendable () -> Date) {
        self.socket = socket
        self.endpoints = endpoints
        self.logger = logger
        self.now = now
        mark = Mutex(Mark(at: now(), stateSequence: 0))
    }

    /// Binds a PUB socket to `options.publish` (under CURVE when `options.security` is set).
    static func bind(
        context: ZeroMQContext, options: HubOptions, logger: Logger, now: @escaping @Sendable () -> Date
    ) throws -> HubPublisher {
        var bound: [String] = []
        let socket = try AsyncSocket(context, type: .pub, configuration: .init(threadName: "hub-pub")) { socket in
            try options.security?.configureServer(socket, domain: HubSecurity.feedDomain)
            try socket.set(.linger, 0)
            try socket.set(.sendHighWaterMark, options.highWaterMark)
            for endpoint in options.publish {
                try socket.bind(endpoint)
                bound.append(socket.lastEndpoint ?? endpoint)
            }
        }
        return HubPublisher(socket: socket, endpoints: bound, logger: logger, now: now)
    }

    /// The state sequence published last (``publish(_:through:)``).
    var stateSequence: UInt64 { mark.withLock { $0.stateSequence } }

    /// Encodes and sends `publications` in order; `stateSequence` is where they leave the
    /// state (a HEARTBEAT says it from then on).
    func publish(_ publications: [HubPublication], through stateSequence: UInt64) async {
        mark.withLock { mark in
            mark.stateSequence = max(mark.stateSequence, stateSequence)
            if !publications.isEmpty { mark.at = now() }
        }
        guard !publications.isEmpty else { return }
        var messages: [Message] = []
        messages.reserveCapacity(publications.count)
        for publication in publications {
            do {
                messages.append(Message(try publication.frames()))
            } catch {
                // Subscribers see the jump in the state sequence and ask for a snapshot.
                logger.error(
                    "could not encode the publication with state sequence \(publication.stateSequence); subscribers will resynchronise: \(error)"
                )
            }
        }
        do {
            try await socket.send(contentsOf: messages)
        } catch {
            logger.debug("could not publish: \(error)")
        }
    }

    /// Publishes a HEARTBEAT when nothing was published for `interval` seconds before `now`.
    func heartbeat(now: Date, interval: TimeInterval) async {
        let sequence: UInt64? = mark.withLock { mark in
            guard now.timeIntervalSince(mark.at) >= interval else { return nil }
            mark.at = now
            return mark.stateSequence
        }
        guard let sequence, let frames = try? WireCodec.encode(.heartbeat(Heartbeat(sequence: sequence))) else { return }
        try? await socket.send(Message(frames))
    }
}
