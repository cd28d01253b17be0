import ArgumentParser
import Foundation
import KlimatnavReport
import KlimatnavStore

/// `klimatnav log`: the hub's audit log of accepted (and, with --rejected, refused) messages.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print the message audit log: every accepted message, oldest first.")

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Flag(help: "Print the rejected messages (with their error codes) instead.")
    var rejected = false

    @Option(help: "Print at most this many entries (default: all).")
    var limit: Int?

    @Option(help: "Print only the message with this log id (the first column), with its whole body.")
    var id: Int64?

    @Flag(help: "Print whole message bodies instead of their first 100 characters.")
    var full = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, found \(limit)") }
    }

    func run() async throws {
        let limit = self.limit ?? .max
        let store = try Database.openReadOnly(db)
        if rejected {
            let entries = try await store.rejectedMessages()
            if entries.isEmpty { print("No rejected messages.") }
            for entry in entries.prefix(limit) {
                let who = entry.sender ?? "(unauthenticated)"
                let seq = entry.sequence.map { "#\($0)" } ?? ""
                print("\(Timestamp.iso(entry.receivedAt))  \(who)\(seq)  \(entry.type ?? "?")  \(entry.code): \(entry.reason)")
            }
            return
        }
        if let id {
            guard let message = try await store.messages(after: id - 1, limit: 1).first, message.id == id else {
                let count = try await store.messageCount()
                throw CLIError("no message with log id \(id) in \(db) (it holds \(count) messages; `klimatnav log` lists their ids)")
            }
            print("\(message.id)  \(Timestamp.iso(message.receivedAt))  \(message.sender)#\(message.sequence)  \(message.type)")
            print(String(decoding: message.body, as: UTF8.self))
            return
        }
        let messages = try await store.messages(limit: limit)
        if messages.isEmpty { print("The log is empty.") }
        for message in messages {
            let body = String(decoding: message.body, as: UTF8.self)
            let short = full || body.count <= 100 ? body : String(body.prefix(97)) + "..."
            print("\(message.id)  \(Timestamp.iso(message.receivedAt))  \(message.sender)#\(message.sequence)  \(message.type)  \(short)")
        }
    }
}
