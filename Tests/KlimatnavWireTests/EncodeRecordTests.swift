import Foundation
import Testing

@testable import KlimatnavWire

/// The one writer (``JSONWriter``) against what the engines before it (a tree encoder with
/// ``CanonicalJSON``'s writer, and fast writers for goal and ACK bodies, deleted since) wrote
/// for every value of ``EncodeCorpus``, as recorded while both existed (they agreed on every
/// value, bytes and errors): a digest (FNV-1a) of every 2,000 outcomes, and the count of each
/// kind of outcome.
@Suite struct EncodeRecordTests {
    static let digests: [UInt64] = [
        0xacaa_ab6d_51c6_684b, 0xd46e_da35_60f2_df63, 0x74f7_3e64_eb65_15fb, 0xf7e8_98f2_2dfc_6716, 0xc48e_5997_e2dd_a405,
        0x0a0f_914a_344f_dd68, 0x9837_0e03_deac_2b60,
    ]
    static let kinds = ["bad-json": 1, "invalid-value": 4, "text": 12598, "field-too-large": 6, "frame-too-large": 1, "error": 3]

    static func encode<T: Encodable>(_ value: T, _ limits: BodyLimits?) throws -> [UInt8] {
        guard let limits else { return try CanonicalJSON.encode(value) }
        return try BodyCoder.encode(value, limits: limits)
    }

    @Test func writerWritesWhatTheOldEnginesWrote() {
        var outcomes: [String] = []
        for (value, type) in EncodeCorpus.cases() {
            func outcome<T: Encodable>(_ value: T) -> String { EncodeCorpus.outcome(value, type: type, encode: Self.encode) }
            outcomes.append(outcome(value))
        }
        let digests = stride(from: 0, to: outcomes.count, by: 2000).map {
            EncodeCorpus.digest(outcomes[$0..<min($0 + 2000, outcomes.count)])
        }
        #expect(digests == Self.digests)
        #expect(Dictionary(grouping: outcomes, by: EncodeCorpus.kind).mapValues(\.count) == Self.kinds)
    }

    /// The wire path (``WireCodec``) writes the same bodies as ``BodyCoder`` for goals and ACKs,
    /// the bodies the fast writers wrote before.
    @Test func wireBodiesAreBodyCoderBodies() throws {
        var written = 0
        for (value, type) in EncodeCorpus.cases() where type == "goal" || type == "ACK" {
            let message: WireMessage
            if let body = value as? DomainBody {
                message = .domain(DomainMessage(sequence: 1, event: body.event))
            } else if let ack = value as? Ack {
                message = .ack(ack)
            } else {
                continue
            }
            // Random goals may break a value rule (scopes 1-3): those the codec refuses.
            guard let wire = try? WireCodec.encode(message)[3] else { continue }
            written += 1
            #expect(wire == (try BodyCoder.encode(CanonicalJSONTests.body(message), limits: .of(type: type!))))
        }
        #expect(written > 1000)
    }
}
