import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The one writer (``JSONWriter``) against the tree encoder and the fast body writers it
/// replaces, on every value of ``EncodeCorpus``: the same bytes, the same errors.
@Suite struct WriterDifferentialTests {
    static func new<T: Encodable>(_ value: T, _ limits: BodyLimits?) throws -> [UInt8] {
        guard let limits else { return try JSONWriter.write(value, limits: nil) }
        do {
            return try JSONWriter.write(value, limits: limits)
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.invalidValue, "cannot encode body: \(error)", frame: 3)
        }
    }

    static func old<T: Encodable>(_ value: T, _ limits: BodyLimits?) throws -> [UInt8] {
        guard let limits else { return try CanonicalJSON.encode(value) }
        if let body = value as? DomainBody, case .goalAsserted(let goal) = body.event, let fast = GoalBodyWriter.write(goal, limits: limits)
        {
            return fast
        }
        if let ack = value as? Ack, let fast = AckBodyWriter.write(ack, limits: limits) { return fast }
        return try BodyCoder.encode(value, limits: limits)
    }

    @Test func newWriterIsTheOldEngines() {
        var count = 0
        var outcomes: [String] = []
        for (value, type) in EncodeCorpus.cases() {
            func check<T: Encodable>(_ value: T) {
                let old = EncodeCorpus.outcome(value, type: type, encode: Self.old)
                let new = EncodeCorpus.outcome(value, type: type, encode: Self.new)
                #expect(new == old, "\(T.self) \(type ?? "-")")
                count += 1
                outcomes.append(old)
            }
            check(value)
        }
        #expect(count > 10_000)
        let digests = stride(from: 0, to: outcomes.count, by: 2000).map {
            EncodeCorpus.digest(outcomes[$0..<min($0 + 2000, outcomes.count)])
        }
        print(
            "ENCODE-RECORD", digests.map { "0x" + String($0, radix: 16) },
            Dictionary(grouping: outcomes, by: EncodeCorpus.kind).mapValues(\.count))
    }
}
