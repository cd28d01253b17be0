/// A one-line error for bad input found while a command runs (not while parsing arguments):
/// printed as `Error: <message>` with exit code 1, without the usage text.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
