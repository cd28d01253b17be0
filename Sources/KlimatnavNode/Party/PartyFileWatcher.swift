import Foundation
import KlimatnavCore
import KlimatnavPlaybook
import KlimatnavStore
import KlimatnavWire
import Logging

/// Turns a party's own file into messages: whenever it changes, it is read with the playbook
/// loader's readers (errors printed, nothing sent from an invalid file), compared with what
/// was last sent from it (kept in `PATH.node/party-file.json`), and the difference goes out
/// through the durable outbox: new and changed records as their messages, a removed goal as
/// `goal.withdraw`, a removed claim as `responsibility.release`.
struct PartyFileWatcher: Sendable {
    let path: String
    let paths: NodePaths
    let party: PartyID
    let link: PartyLink
    let logger: Logger
    let report: @Sendable (String) -> Void
    let state: @Sendable () async -> WorldState
    /// Returns once `state` knows the roster (the first snapshot, unless the database had one).
    let ready: @Sendable () async -> Void

    var sentFile: String { paths.directory + "/party-file.json" }

    func run(_ changes: FileChanges) async {
        await ready()
        for await _ in changes.changes { await apply() }
    }

    /// Reads the file once and sends what changed since the last time.
    func apply() async {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            report("party file \(path): cannot be read; nothing sent")
            return
        }
        let events: [DomainEvent]
        do {
            events = try PlaybookLoader.partyFile(yaml: text, file: path, party: party, in: await state()).events
        } catch {
            for diagnostic in error.diagnostics { report("\(diagnostic)") }
            let count = error.diagnostics.count
            report("party file \(path): \(count) \(count == 1 ? "error" : "errors"); nothing sent")
            return
        }
        let previous = (try? JSONDecoder().decode([String: SentRecord].self, from: Data(contentsOf: URL(fileURLWithPath: sentFile)))) ?? [:]
        var current: [String: SentRecord] = [:]
        var outgoing: [(DomainEvent, String?)] = []
        var added = 0, changed = 0, withdrawn = 0
        for event in events {
            guard let record = SentRecord(event), let key = Self.key(event) else { continue }
            current[key] = record
            if previous[key] == nil { added += 1 } else if previous[key] != record { changed += 1 } else { continue }
            outgoing.append((event, "party-file:\(key)"))
        }
        for (key, record) in previous.sorted(by: { $0.key < $1.key }) where current[key] == nil {
            switch record.event {
            case .goalAsserted(let goal)?: outgoing.append((.goalWithdrawn(goalID: goal.id, party: goal.party), "party-file:-\(key)"))
            case .responsibilityClaimed(let claim)?: outgoing.append((.responsibilityReleased(claim), "party-file:-\(key)"))
            default:
                report("party file \(path): '\(key)' was removed, but the protocol has no message that withdraws it; the hub keeps it")
                continue
            }
            withdrawn += 1
        }
        guard !outgoing.isEmpty else { return }
        do {
            try await link.submit(contentsOf: outgoing)
            try JSONEncoder().encode(current).write(to: URL(fileURLWithPath: sentFile), options: .atomic)
            report("party file \(path): \(added) new, \(changed) changed, \(withdrawn) withdrawn: queued for the hub")
        } catch {
            report("party file \(path): could not queue the changes: \(error)")
        }
    }

    /// The record's row ("goal/ID", "claim/PARTY/TOPIC", ...).
    static func key(_ event: DomainEvent) -> String? {
        EntityKey.keys(for: event).first.map { "\($0.kindAndID.kind)/\($0.kindAndID.id)" }
    }
}

/// One message as sent from the party file: its wire type and body.
struct SentRecord: Codable, Hashable, Sendable {
    var type: String
    var body: String

    init?(_ event: DomainEvent) {
        guard let frames = try? WireCodec.encode(.domain(DomainMessage(sequence: 1, event: event))) else { return nil }
        type = String(decoding: frames[1], as: UTF8.self)
        body = String(decoding: frames[3], as: UTF8.self)
    }

    var event: DomainEvent? {
        try? WireCodec.decodeDomain(event: type, sequence: 1, body: Array(body.utf8)).event
    }
}
