import Foundation
import Hummingbird
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore
import Logging

/// The read-only web dashboard over a hub's database and its live bus (`klimatnav serve`).
///
/// Only GET routes exist: nothing here writes, and `klimatnav serve` opens the database with
/// ``HubStore/init(readOnlyPath:)``. Pages and `/api/...` answers read the report's
/// ``ReportModel`` from the hub's database on every request (the hub's own file, never a
/// copy) and show it with the report's own sections (``HTMLReport``, ``GoalTable``,
/// ``TrajectoryChart``, ``RevisionDiff``) and words (``Catalogue``); `/events` streams the gap
/// events the hub publishes (see ``LiveFeed``). No route serves a file from disk.
public struct Dashboard: Sendable {
    public var store: HubStore
    public var feed: LiveFeed
    public var language: Language
    /// When false (the default), requests whose `Host` is not a loopback name are refused, so a
    /// web page elsewhere cannot reach the dashboard through DNS rebinding.
    public var allowPublic: Bool
    /// Seconds between SSE keep-alive comments.
    public var heartbeat: Duration

    public init(store: HubStore, feed: LiveFeed, language: Language = .sv, allowPublic: Bool = false, heartbeat: Duration = .seconds(15)) {
        self.store = store
        self.feed = feed
        self.language = language
        self.allowPublic = allowPublic
        self.heartbeat = heartbeat
    }

    /// Every documented GET path (the OpenAPI document lists the same).
    public static let apiPaths = [
        "/api/summary", "/api/parties", "/api/goals", "/api/gaps", "/api/gaps.csv", "/api/barriers",
        "/api/policy-labs", "/api/revisions", "/api/events", "/api/feed",
    ]

    /// Every page path (for the 404 text).
    public static let pagePaths = [
        "/", "/goals", "/gaps", "/gaps/{id}", "/barriers", "/parties", "/parties/{id}", "/counties", "/revisions", "/events",
        "/tillganglighet", "/accessibility",
    ]

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: GuardMiddleware(allowPublic: allowPublic))
        router.add(middleware: NotFoundMiddleware())
        let dashboard = self

        // Pages.
        router.get("/") { request, _ in try await dashboard.page(request) { views, _ in views.overview() } }
        router.get("/goals") { request, _ in try await dashboard.page(request) { views, _ in views.goals() } }
        router.get("/gaps") { request, _ in
            try await dashboard.page(request) { views, request in
                let filter = Self.filter(request, today: views.model.today)
                if let problem = filter.problem(parties: views.model.state.parties.keys.map(\.rawValue)) {
                    throw Views.BadRequest(message: "\(problem)")
                }
                return views.gaps(filter: filter)
            }
        }
        router.get("/gaps/:id") { request, context in
            let raw = context.parameters.get("id") ?? ""
            let id = raw.removingPercentEncoding ?? raw
            return try await dashboard.page(request) { views, _ in
                views.model.allGaps.first { $0.gap.id == id }.map(views.gap)
            }
        }
        router.get("/barriers") { request, _ in try await dashboard.page(request) { views, _ in views.barriers() } }
        router.get("/parties") { request, _ in try await dashboard.page(request) { views, _ in views.parties() } }
        router.get("/parties/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await dashboard.page(request) { views, _ in
                guard let party = PartyID(id).flatMap({ views.model.state.parties[$0] }) else { return nil }
                return views.party(party)
            }
        }
        router.get("/counties") { request, _ in try await dashboard.page(request) { views, _ in views.counties() } }
        router.get("/tillganglighet") { request, _ in try await dashboard.page(request, language: .sv) { views, _ in views.statement() } }
        router.get("/accessibility") { request, _ in try await dashboard.page(request, language: .en) { views, _ in views.statement() } }
        router.get("/revisions") { request, _ in
            try await dashboard.page(request) { views, request in
                let query = request.uri.queryParameters
                return try views.revisions(from: query.get("from"), to: query.get("to"))
            }
        }

        // The JSON API and CSV.
        router.get("/api/summary") { _, _ in try await Self.json(dashboard.data().summary()) }
        router.get("/api/parties") { _, _ in try await Self.json(dashboard.data().partyRows()) }
        router.get("/api/goals") { request, _ in
            try await Self.json(dashboard.data().goalRows(party: request.uri.queryParameters.get("party")))
        }
        router.get("/api/gaps") { request, _ in
            let model = try await dashboard.data()
            let filter = Self.filter(request, today: model.today)
            if let problem = Self.problem(filter, model) { return try Self.error(.badRequest, problem) }
            let records = filter.apply(model.allGaps, followUps: model.followUps)
            return try Self.json(GapOutput(records: records, followUps: model.followUps, today: model.today).rows)
        }
        router.get("/api/gaps.csv") { request, _ in
            let model = try await dashboard.data()
            let filter = Self.filter(request, today: model.today)
            if let problem = Self.problem(filter, model) { return try Self.error(.badRequest, problem) }
            let excel = request.uri.queryParameters.get("dialect") == "excel"
            let csv = GapOutput(records: filter.apply(model.allGaps, followUps: model.followUps)).csv(
                lineEnding: "\r\n", dialect: excel ? .excel : .rfc4180)
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"klimatnav-gaps\(excel ? "-excel" : "").csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        router.get("/api/barriers") { _, _ in try await Self.json(dashboard.data().barrierRows()) }
        router.get("/api/policy-labs") { _, _ in try await Self.json(dashboard.data().policyLabRows()) }
        router.get("/api/revisions") { _, _ in try await Self.json(dashboard.data().revisionRows()) }
        router.get("/api/events") { _, _ in
            let model = try await dashboard.data()
            return try Self.json(dashboard.feed.recent().map { EventBody($0, model: model) })
        }
        router.get("/api/feed") { _, _ in try Self.json(StatusBody(dashboard.feed.status)) }

        // The live feed.
        router.get("/events") { request, _ in dashboard.events(request) }
        return router
    }

    /// The application bound to `host:port`; `onRunning` gets the real port (for port 0).
    public func application(
        host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "klimatnav"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully.
    public func run(host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, logger: logger, onRunning: onRunning)
            .runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    // MARK: - Handlers

    func data() async throws -> ReportModel {
        try await ReportModel.load(from: store)
    }

    /// A page: `render` returns the document, or `nil` for a generic 404;
    /// ``Views/NotFound`` thrown from it is a 404 with its message.
    /// `language` is the page's language when the request names none (the dashboard's otherwise).
    func page(
        _ request: Request, language fallback: Language? = nil, _ render: @Sendable (Views, Request) throws -> String?
    ) async throws -> Response {
        let language = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) ?? fallback ?? self.language
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where key != "lang" { query[String(key)] = String(value) }
        let page = Page(catalogue: Catalogue(language), path: request.uri.path, query: query, hubConnected: feed.endpoint != nil)
        let views = Views(model: try await data(), page: page, recent: feed.recent())
        let html: String?
        var status = HTTPResponse.Status.ok
        do {
            html = try render(views, request)
        } catch let notFound as Views.NotFound {
            html = views.notFound(notFound.message)
            status = .notFound
        } catch let bad as Views.BadRequest {
            html = views.notFound(bad.message)
            status = .badRequest
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = language.rawValue
        return Response(
            status: html == nil ? .notFound : status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: html ?? views.notFound())))
    }

    /// The gap filter of a request's query: `party`, `kind`, `level`, `resolved`,
    /// `assignedTo`, `overdue` and `dismissed` (flags: `1` or `true`); overdue is measured
    /// against `today` (`YYYY-MM-DD`).
    static func filter(_ request: Request, today: String) -> GapFilter {
        let query = request.uri.queryParameters
        func flag(_ name: String) -> Bool { query.get(name).map { $0 == "1" || $0 == "true" } ?? false }
        return GapFilter(
            party: query.get("party"), kind: query.get("kind"), level: query.get("level"), includeResolved: flag("resolved"),
            assignedTo: query.get("assignedTo"), overdue: flag("overdue"), dismissed: flag("dismissed"), today: today)
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }

    /// An API error as JSON (`{"error": ..., "parameter": ..., "valid": [...]}`).
    static func error(_ status: HTTPResponse.Status, _ body: ErrorBody) throws -> Response {
        try json(body, status: status)
    }

    static func error(_ status: HTTPResponse.Status, _ problem: GapFilter.Problem) throws -> Response {
        try json(ErrorBody(error: "\(problem)", parameter: problem.parameter, value: problem.value, valid: problem.valid), status: status)
    }

    /// An unknown filter value in `filter`, checked against the parties of `model`.
    static func problem(_ filter: GapFilter, _ model: ReportModel) -> GapFilter.Problem? {
        filter.problem(parties: model.state.parties.keys.map(\.rawValue))
    }

}

extension JSONEncoder {
    static var compact: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Security headers on every answer; refuses non-GET methods and, unless the dashboard is
/// public, requests addressed to a non-loopback host name.
struct GuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let allowPublic: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "read-only: only GET is served\n", extra: [.allow: "GET, HEAD"])
        }
        if !allowPublic, let authority = request.head.authority, !BindAddressCheck.isLoopbackAuthority(authority) {
            return Self.plain(.forbidden, "this dashboard only answers on loopback addresses (start it with --public to serve others)\n")
        }
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[FieldName("X-Frame-Options")!] = "DENY"
        response.headers[FieldName("Referrer-Policy")!] = "no-referrer"
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Parsing `--http HOST:PORT` and the loopback rule.
public enum BindAddressCheck {
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Splits `127.0.0.1:8080`, `localhost:8080`, `[::1]:8080` or `:8080` (loopback).
    public static func parse(_ text: String) throws(Refusal) -> (host: String, port: Int) {
        var host: Substring
        var portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw Refusal(description: "'\(text)' is not HOST:PORT") }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw Refusal(description: "'\(text)' is not HOST:PORT, for example 127.0.0.1:8080")
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw Refusal(description: "'\(portText)' in '\(text)' is not a port number (0-65535)")
        }
        return (String(host), port)
    }

    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The `Host` header's name part is a loopback name.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return isLoopback(String(host))
    }

    /// Refuses a non-loopback host unless `allowPublic`.
    public static func check(host: String, allowPublic: Bool) throws(Refusal) {
        if !allowPublic && !isLoopback(host) {
            throw Refusal(
                description: """
                    refusing to serve on '\(host)': that address can be reached from other machines, and the dashboard \
                    shows everything the coordinator may read. Use 127.0.0.1 (the default), or add --public if you mean it
                    """)
        }
    }
}

typealias FieldName = HTTPFields.Element.Name
