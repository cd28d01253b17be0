import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension PartyLink {
    /// Sends several events in order without waiting for their answers; returns their
    /// numbers. With a durable outbox all of them are written in one transaction before any
    /// is sent. Suspends while ``LinkOptions/maxInFlight`` messages await answers.
    ///
    /// The whole submission goes as one item to `run()`'s submission loop, which numbers,
    /// writes and sends one submission after another: numbers and durable writes stay in
    /// order without a lock. Before `run()` starts it waits there; after `run()` ended it
    /// throws ``LinkClosed``.
    @discardableResult
    public func submit(contentsOf events: [(DomainEvent, String?)]) async throws -> [UInt64] {
        guard !events.isEmpty else { return [] }
        let id = nextSubmission
        nextSubmission += 1
        queuedSubmissions[id] = events
        if case .terminated = submissionQueue.yield(id) {
            queuedSubmissions[id] = nil
            throw LinkClosed()
        }
        // Registered before this actor runs anything else, so before the loop can answer.
        switch await wait(.submission(id)) {
        case .sequences(let sequences): return sequences
        case .failed(let error): throw error
        default: throw LinkClosed()
        }
    }

    /// Takes submissions in the order they came, one at a time, until `run()` ends. On the
    /// actor (the stream resumes it there): no hop per submission.
    func submissionLoop() async {
        for await id in submissions {
            await perform(id)
        }
    }

    private func perform(_ id: UInt64) async {
        guard let events = queuedSubmissions.removeValue(forKey: id) else { return }
        let wake: LinkWake
        do {
            wake = .sequences(try await numberWriteAndSend(events))
        } catch {
            wake = .failed(error)
        }
        waiters.resume(.submission(id), with: wake)
    }

    private func numberWriteAndSend(_ events: [(DomainEvent, String?)]) async throws -> [UInt64] {
        while core.isFull && !submissionsEnded { _ = await wait(.room) }
        let first = core.nextSequence
        var encoded: [(sequence: UInt64, frames: [[UInt8]])] = []
        encoded.reserveCapacity(events.count)
        for (offset, (event, _)) in events.enumerated() {
            let sequence = first + UInt64(offset)
            encoded.append((sequence, try WireCodec.encode(.domain(DomainMessage(sequence: sequence, event: event)))))
        }
        if let durable = options.outbox {
            // Written before it is sent: a crash from here on resends it with this number.
            try await durable.append(
                zip(encoded, events).map { entry, event in
                    NodeOutbox.Entry(
                        sequence: entry.sequence, key: event.1, type: String(decoding: entry.frames[1], as: UTF8.self),
                        body: Data(entry.frames[3]))
                })
        }
        var messages: [Message] = []
        for case .send(let frames) in core.handle(.submitted(encoded), now: now()) { messages.append(Message(frames)) }
        if messages.count == 1 {
            try await socket.send(messages[0])
        } else if !messages.isEmpty {
            // One hand-over to the socket's thread for the whole submission.
            try await socket.send(contentsOf: messages)
        }
        return encoded.map(\.sequence)
    }

    /// `run()` ended: submissions not yet taken fail with ``LinkClosed`` (nothing of them
    /// was numbered or written); waits for room end.
    func endSubmissions() {
        submissionsEnded = true
        submissionQueue.finish()
        for id in queuedSubmissions.keys.sorted() { waiters.resume(.submission(id), with: .failed(LinkClosed())) }
        queuedSubmissions = [:]
        waiters.resume(.room, with: .ready)
    }
}
