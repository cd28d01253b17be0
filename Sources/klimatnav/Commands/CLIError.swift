/// A one-line error for bad input found while a command runs (not while parsing arguments):
/// printed as `Error: <message>` with exit code 1, without the usage text.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs `body` and returns its result or error, so cleanup can run before rethrowing.
func capture<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
