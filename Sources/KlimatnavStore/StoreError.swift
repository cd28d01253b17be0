/// A failure of the hub's database, with what was being done and what to do about it.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var message: String

    public init(_ operation: String, _ message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "database: \(operation): \(message)" }
}
