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

    @Option(help: "Print at most this many entries.")
    var limit: Int = .max

    func run() async throws {
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
        let messages = try await store.messages(limit: limit)
        if messages.isEmpty { print("The log is empty.") }
        for message in messages {
            let body = String(decoding: message.body, as: UTF8.self)
            let short = body.count > 100 ? String(body.prefix(97)) + "..." : body
            print("\(message.id)  \(Timestamp.iso(message.receivedAt))  \(message.sender)#\(message.sequence)  \(message.type)  \(short)")
        }
    }
}
