import ArgumentParser
import Foundation
import KlimatnavNode
import KlimatnavStore

/// `klimatnav fault-check` (hidden): compares node outboxes with the hub's database.
/// Prints `acked=A stored=S lost=L duplicates=D queued=Q delivered=V undelivered=U`:
/// acked = messages the nodes saw acknowledged; stored = their messages in the hub's log;
/// lost = acknowledged but not stored (or stored with a different body); duplicates =
/// (sender, seq) stored twice or one message (by its goal's id and text) stored under two
/// numbers; queued = distinct messages the nodes queued; delivered = those stored exactly
/// once; undelivered = queued but not stored.
struct FaultCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault-check", abstract: "Compare node outboxes with the hub's database.", shouldDisplay: false)

    @Option(help: "The hub's database.") var db: String
    @Option(help: "PARTY:PATH of a node outbox (repeatable).") var outbox: [String] = []
    @Option(help: "Also count acknowledgements recorded between these two times (Unix ms).") var windowStartMs: Int64?
    @Option var windowEndMs: Int64?
    @Flag(help: "Also compare the logged open gaps with a full recompute over the stored messages.") var gaps = false

    func run() async throws {
        let store = try Database.openReadOnly(db)
        if gaps {
            let audit = try await GapAudit.check(store, responses: try PlaybookSource.responses())
            emit(
                "gaps_stored=\(audit.stored) gaps_recomputed=\(audit.recomputed) gaps_differ=\(audit.onlyStored.count + audit.onlyRecomputed.count)"
            )
            if outbox.isEmpty { return }
        }
        let messages = try await store.messages()
        var bySenderSeq: [String: [UInt64: [Data]]] = [:]
        var idsBySender: [String: [String: Int]] = [:]
        for message in messages {
            bySenderSeq[message.sender, default: [:]][message.sequence, default: []].append(message.body)
            if let id = FaultCheckCommand.goalID(message.body) { idsBySender[message.sender, default: [:]][id, default: 0] += 1 }
        }
        var inWindow = 0
        var acked = 0, stored = 0, lost = 0, duplicates = 0, queued = 0, delivered = 0, undelivered = 0
        for spec in outbox {
            guard let colon = spec.firstIndex(of: ":") else { throw ValidationError("--outbox takes PARTY:PATH") }
            let party = String(spec[..<colon])
            let records = try OutboxFile.open(String(spec[spec.index(after: colon)...])).all()
            let seqs = bySenderSeq[party] ?? [:]
            let ids = idsBySender[party] ?? [:]
            stored += seqs.count
            duplicates += seqs.values.filter { $0.count > 1 }.count
            duplicates += ids.values.filter { $0 > 1 }.map { $0 - 1 }.reduce(0, +)
            for record in records where record.state == .acknowledged {
                acked += 1
                if let start = windowStartMs, let end = windowEndMs, let at = record.answeredAt {
                    let ms = Int64(at.timeIntervalSince1970 * 1000)
                    if ms >= start && ms <= end { inWindow += 1 }
                }
                if seqs[record.sequence]?.contains(record.body) != true { lost += 1 }
            }
            var keys = Set<String>()
            for record in records {
                guard let id = FaultCheckCommand.goalID(record.body), keys.insert(id).inserted else { continue }
                queued += 1
                if ids[id] == 1 { delivered += 1 } else if ids[id] == nil { undelivered += 1 }
            }
        }
        emit(
            "acked=\(acked) stored=\(stored) lost=\(lost) duplicates=\(duplicates) queued=\(queued) delivered=\(delivered) undelivered=\(undelivered)\(windowStartMs == nil ? "" : " acked_in_window=\(inWindow)")"
        )
    }

    static func goalID(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        return (object["text"] as? String).map { "\(object["id"] ?? ""): \($0)" } ?? object["id"] as? String
    }
}
