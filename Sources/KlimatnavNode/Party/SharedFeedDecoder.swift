import Foundation
import KlimatnavWire

/// Decodes messages read from the hub's PUB socket, once per distinct message in a process.
///
/// Every ``StateFeed`` in a process (the in-process runner has one per regional hub plus the
/// coordinator's) receives the same published frames. ``WireCodec/decode(frames:)`` is a pure
/// function of the frames, so the first feed to read a message decodes it strictly and the
/// others reuse that result: the same checks, done once instead of once per feed. A small
/// table of recent messages, keyed by their frames, bounds memory.
final class SharedFeedDecoder: @unchecked Sendable {  // the table is only touched under `lock`
    static let shared = SharedFeedDecoder()

    private struct Table {
        var entries: [[[UInt8]]: Result<WireMessage, WireError>] = [:]
        var order: [[[UInt8]]] = []
        var start = 0
    }

    private let lock = NSLock()
    private var table = Table()
    private let capacity: Int

    init(capacity: Int = 1024) { self.capacity = capacity }

    func decode(frames: [[UInt8]]) throws(WireError) -> WireMessage {
        if let known = lock.withLock({ table.entries[frames] }) { return try known.get() }
        let result: Result<WireMessage, WireError>
        do {
            result = .success(try WireCodec.decode(frames: frames))
        } catch {
            result = .failure(error)
        }
        lock.withLock {
            guard table.entries[frames] == nil else { return }
            table.entries[frames] = result
            table.order.append(frames)
            if table.order.count - table.start > capacity {
                table.entries[table.order[table.start]] = nil
                table.start += 1
                if table.start > capacity {
                    table.order.removeFirst(table.start)
                    table.start = 0
                }
            }
        }
        return try result.get()
    }
}
