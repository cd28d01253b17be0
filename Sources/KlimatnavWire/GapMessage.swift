import Foundation
import KlimatnavCore

/// GAP (hub → all, over PUB): a gap was opened, changed or resolved.
public struct GapMessage: Codable, Hashable, Sendable {
    /// Header: the hub's state sequence after this change (shared with DELTA).
    public var stateSequence: UInt64 = 0
    public var change: GapChange
    /// When the hub detected the change (RFC 3339, UTC, whole seconds on the wire).
    public var at: Date
    public var gap: Gap

    public init(stateSequence: UInt64, change: GapChange, at: Date, gap: Gap) {
        self.stateSequence = stateSequence
        self.change = change
        self.at = at
        self.gap = gap
    }

    private enum CodingKeys: String, CodingKey { case change, at, gap }
}
