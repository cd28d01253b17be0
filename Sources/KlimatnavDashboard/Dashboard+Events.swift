import Foundation
import Hummingbird
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore

/// The live feed over HTTP: `/events` (server-sent events) and the bodies it sends.
extension Dashboard {
    /// One live event as `/events` and `/api/events` send it.
    struct EventBody: Encodable {
        var id: UInt64
        var change: String
        var at: String
        var gap: GapOutput.Row
        /// The gap's sentence as the pages say it, by language (`sv`, `en`), composed from
        /// the database's state; absent when the database could not be read.
        var sentence: [String: String]?
        /// `model`: the database as last read, for the sentence and the gap's follow-up.
        init(_ event: LiveFeed.Event, model: ReportModel? = nil) {
            id = event.id
            change = event.change.rawValue
            at = Timestamp.iso(event.at)
            gap = GapOutput.Row(event.record, followUp: model?.followUps[event.record.gap.id] ?? GapFollowUpRecord())
            sentence = model.map { model in
                Dictionary(
                    uniqueKeysWithValues: Language.allCases.map {
                        ($0.rawValue, GapSentence.text(event.record.gap, in: model.state, Catalogue($0)))
                    })
            }
        }
    }

    /// The live feed's state as `/events` sends it (`event: status`).
    struct StatusBody: Encodable {
        var state: String
        var detail: String?
        init(_ status: FeedStatus) {
            state = status.state.rawValue
            detail = status.detail
        }
    }

    /// `GET /events`: server-sent events. Each gap event is `event: gap`, `id: N`, `data:` one
    /// line of JSON (``EventBody``); the feed's state comes first and on every change as
    /// `event: status` (``StatusBody``); a comment line every ``heartbeat`` keeps proxies open and
    /// finds closed browsers. `Last-Event-ID` replays what the feed still remembers; `?max=N`
    /// ends the stream after N events (for scripts and tests).
    func events(_ request: Request) -> Response {
        let lastID = request.headers[FieldName("Last-Event-ID")!].flatMap { UInt64($0) }
        let max = request.uri.queryParameters.get("max").flatMap { Int($0) }
        let feed = self.feed
        let heartbeat = self.heartbeat
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[FieldName("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (chunks, sink) = AsyncStream<String?>.makeStream(bufferingPolicy: .bufferingNewest(LiveFeed.subscriberBuffer))
                let events = feed.subscribe(after: lastID)
                let dashboard = self
                let forward = Task {
                    var sent = 0
                    // The database the sentences and follow-ups come from, read again at most once a second
                    // (a burst of events shares one read of the database).
                    var model: ReportModel?
                    var readAt = ContinuousClock.now - .seconds(2)
                    for await event in events {
                        if ContinuousClock.now - readAt > .seconds(1) {
                            model = (try? await dashboard.data()) ?? model
                            readAt = .now
                        }
                        let body =
                            (try? String(decoding: JSONEncoder.compact.encode(EventBody(event, model: model)), as: UTF8.self)) ?? "{}"
                        sink.yield("id: \(event.id)\nevent: gap\ndata: \(body)\n\n")
                        sent += 1
                        if let max, sent >= max { break }
                    }
                    sink.yield(nil)
                }
                let statuses = Task {
                    for await status in feed.statusUpdates() {
                        let body = (try? String(decoding: JSONEncoder.compact.encode(StatusBody(status)), as: UTF8.self)) ?? "{}"
                        sink.yield("event: status\ndata: \(body)\n\n")
                    }
                }
                let beat = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: heartbeat)
                        sink.yield(": keep-alive\n\n")
                    }
                }
                defer {
                    forward.cancel()
                    statuses.cancel()
                    beat.cancel()
                }
                try await writer.write(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
                for await chunk in chunks {
                    guard let chunk else { break }
                    try await writer.write(ByteBuffer(string: chunk))
                }
                try await writer.finish(nil)
            })
    }
}
