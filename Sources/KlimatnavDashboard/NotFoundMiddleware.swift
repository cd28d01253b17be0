import Foundation
import Hummingbird

/// Gives an unknown address a body that says so: a JSON error under `/api/`, a short text
/// with the documented paths elsewhere (the router itself answers 404 with an empty body).
struct NotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            let path = request.uri.path
            if path.hasPrefix("/api/") {
                return try Dashboard.error(
                    .notFound,
                    ErrorBody(
                        error: "no API path \(path)", parameter: nil, value: nil, valid: Dashboard.apiPaths))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            let text =
                "Sidan finns inte: \(path)\nNo such page: \(path)\n\nSidor / pages: \(Dashboard.pagePaths.joined(separator: ", "))\nAPI: \(Dashboard.apiPaths.joined(separator: ", "))\n"
            return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

/// The JSON body of an API error: what was wrong, and what would have been right.
struct ErrorBody: Encodable {
    var error: String
    var parameter: String?
    var value: String?
    var valid: [String]?
}
