/// Barriers that may be one barrier reported twice under different ids: the same legal
/// instrument, or the same title. Pointed out (by `klimatnav validate`), never refused. A blocked
/// topic in common is not enough: the report names several different rules that block one topic
/// (the energy-system boundary and the unsynchronised laws both block integrated infrastructure).
public enum BarrierDuplicates {
    /// One pair: the later barrier (by id order), the earlier one, and why they look alike.
    public struct Pair: Hashable, Sendable, CustomStringConvertible {
        public var barrier: String
        public var duplicateOf: String
        public var reason: String

        public var description: String {
            "barrier '\(barrier)' may duplicate '\(duplicateOf)' (\(reason)); if it is the same rule, report it under one id"
        }
    }

    public static func find(in barriers: [RegulatoryBarrier]) -> [Pair] {
        let sorted = barriers.sorted { $0.id < $1.id }
        var pairs: [Pair] = []
        for (i, later) in sorted.enumerated() {
            for earlier in sorted[..<i] {
                if let a = normalized(later.instrument), a == normalized(earlier.instrument) {
                    pairs.append(Pair(barrier: later.id, duplicateOf: earlier.id, reason: "same instrument '\(later.instrument ?? "")'"))
                } else if let a = normalized(later.title), a == normalized(earlier.title) {
                    pairs.append(Pair(barrier: later.id, duplicateOf: earlier.id, reason: "same title '\(later.title)'"))
                }
            }
        }
        return pairs
    }

    private static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return words.isEmpty ? nil : words
    }
}
