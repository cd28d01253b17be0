import Foundation

/// Notices when a file changes (its modification time or size), checked twice a second by a
/// Dispatch timer on a queue of its own: never on the Swift cooperative pool.
final class FileChanges: Sendable {
    let changes: AsyncStream<Void>
    // Dispatch sources may be cancelled from any thread.
    private nonisolated(unsafe) let timer: DispatchSourceTimer

    init(path: String, every interval: DispatchTimeInterval = .milliseconds(500)) {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        changes = stream
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "klimatnav.party-file"))
        nonisolated(unsafe) var last: [FileAttributeKey: Any]? = nil  // touched only on the timer's queue
        nonisolated(unsafe) var first = true
        timer.setEventHandler {
            let now = try? FileManager.default.attributesOfItem(atPath: path)
            let changed =
                now?[.modificationDate] as? Date != last?[.modificationDate] as? Date
                || now?[.size] as? Int != last?[.size] as? Int
            if first || (changed && now != nil) { continuation.yield() }
            first = false
            last = now
        }
        timer.setCancelHandler { continuation.finish() }
        timer.schedule(deadline: .now(), repeating: interval)
        timer.resume()
    }

    func cancel() { timer.cancel() }
}
