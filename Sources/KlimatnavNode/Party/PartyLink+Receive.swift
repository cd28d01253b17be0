import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import ZeroMQ

extension PartyLink {
    /// Reads the hub's answers and keeps the link alive until ``close()``: the reader, the
    /// 100 ms ticker (resends, heartbeats) and the submission loop run as child tasks of one
    /// task group and end with it.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.tickerLoop() }
            group.addTask { await self.submissionLoop() }
            await readLoop()
            endSubmissions()
            group.cancelAll()
        }
    }

    private func readLoop() async {
        var effects: [LinkEffect] = []
        do {
            for try await batch in socket.batches {
                let time = now()
                core.lastHeard = time
                effects.removeAll(keepingCapacity: true)
                for received in batch {
                    do {
                        core.handle(.received(try WireCodec.decode(frames: received.frames)), now: time, into: &effects)
                    } catch {
                        logger.warning("\(party): the hub sent a message this node cannot read: \(error)")
                    }
                }
                await apply(effects)
            }
        } catch {
            logger.warning("link of \(party) stopped: \(error)")
        }
    }

    private nonisolated func tickerLoop() async {
        while !Task.isCancelled {
            try? await clock.sleep(for: .milliseconds(100))
            await tick()
        }
    }

    func tick() async {
        let time = now()
        expireWaits(at: time)
        await apply(core.handle(.tick, now: time))
    }

    /// Carries out the core's effects in order: sends (consecutive ones handed to the socket
    /// together), durable outbox writes (answers in one transaction at the end), wakes.
    func apply(_ effects: [LinkEffect]) async {
        var sends: [Message] = []
        var answers: [NodeOutbox.Answer] = []
        for effect in effects {
            switch effect {
            case .send(let frames):
                sends.append(Message(frames))
            case .record(let answer):
                answers.append(answer)
            case .raiseFloor(let floor):
                await send(&sends)
                try? await options.outbox?.raiseFloor(to: floor)
            default:
                resolve(effect)
            }
        }
        await send(&sends)
        guard let durable = options.outbox, !answers.isEmpty else { return }
        // A crash before this only means the hub is asked again and answers as the first time.
        do {
            try await durable.record(answers)
        } catch {
            logger.error("\(party): could not record \(answers.count) answers in the outbox: \(error)")
        }
    }

    private func send(_ messages: inout [Message]) async {
        guard !messages.isEmpty else { return }
        let batch = messages
        messages = []
        if batch.count == 1 {
            try? await socket.send(batch[0])
        } else {
            try? await socket.send(contentsOf: batch)
        }
    }

    /// The effects that need no I/O: wake waiters, call the options' callbacks, log.
    func resolve(_ effect: LinkEffect) {
        switch effect {
        case .welcomed:
            waiters.resume(.welcome, with: .ready)
        case .sessionRefused(let code, let reason):
            waiters.resume(.welcome, with: .failed(LinkError.refused(code.rawValue, reason)))
        case .answered(let sequence, let delivery, let awaited):
            if awaited { waiters.resume(.answer(sequence), with: .delivery(delivery)) }
            options.onAnswer?(delivery)
        case .room:
            waiters.resume(.room, with: .ready)
        case .snapshot(let snapshot):
            waiters.resume(.snapshot, with: .snapshot(snapshot))
        case .snapshotRefused(let code, let reason):
            waiters.resume(.snapshot, with: .failed(LinkError.refused(code.rawValue, reason)))
        case .hubSilent(let time):
            options.onHubSilent?(time)
        case .log(let level, let text):
            logger.log(level: level, "\(text)")
        case .closed:
            socket.close()
            waiters.resumeAll { key in
                switch key {
                case .welcome, .snapshot: .failed(CancellationError())
                case .room: .ready
                case .answer(let sequence):
                    .delivery(.refused(sequence: sequence, code: .internalError, reason: "the link closed before the hub answered"))
                case .submission: .failed(LinkClosed())
                }
            }
        case .send, .record, .raiseFloor:
            assertionFailure("I/O effects are carried out by apply(_ effects:)")
        }
    }
}

/// Why a link could not be set up.
public enum LinkError: Error, CustomStringConvertible {
    case refused(String, String)

    public var description: String {
        switch self {
        case .refused(let code, let reason): "the hub refused this node: \(code): \(reason)"
        }
    }
}
