import Foundation
import KlimatnavCore

/// GAP (hub → all, over PUB): a gap was opened, changed or resolved.
public struct GapMessage: Codable, Hashable, Sendable {
    /// Header: the hub's state sequence after this change (shared with DELTA).
    public var stateSequence: UInt64 = 0
    public var change: GapChange
    /// When the hub detected the change. On the wire: RFC 3339 in UTC with whole seconds,
    /// `YYYY-MM-DDTHH:MM:SSZ`; fractions of a second are dropped when encoding.
    public var at: Date
    public var gap: Gap

    public init(stateSequence: UInt64, change: GapChange, at: Date, gap: Gap) {
        self.stateSequence = stateSequence
        self.change = change
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.gap = gap
    }

    private enum CodingKeys: String, CodingKey { case change, at, gap }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        change = try container.decode(GapChange.self, forKey: .change)
        let text = try container.decode(String.self, forKey: .at)
        guard text.utf8.count == 20, text.hasSuffix("Z"), let date = try? Date(text, strategy: .iso8601) else {
            throw DecodingError.dataCorruptedError(
                forKey: .at, in: container, debugDescription: "'\(text)' is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ")
        }
        at = date
        gap = try container.decode(Gap.self, forKey: .gap)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change, forKey: .change)
        try container.encode(at.formatted(.iso8601), forKey: .at)
        try container.encode(gap, forKey: .gap)
    }
}
