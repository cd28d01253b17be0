import Foundation
import KlimatnavCore

/// A gap as the log keeps it: the gap itself, whether it is open, and when it opened and closed.
public struct GapRecord: Sendable, Hashable, Codable {
    public var gap: Gap
    public var status: String
    public var openedAt: Date
    public var resolvedAt: Date?

    public init(gap: Gap, status: String, openedAt: Date, resolvedAt: Date?) {
        self.gap = gap
        self.status = status
        self.openedAt = openedAt
        self.resolvedAt = resolvedAt
    }
}

/// A gap's lifecycle event, with the message that caused it (`nil` when a rebuild caused it).
public struct GapEvent: Sendable, Hashable {
    public var gap: Gap
    public var change: GapChange
    public var at: Date
    public var messageID: Int64?

    public init(gap: Gap, change: GapChange, at: Date, messageID: Int64?) {
        self.gap = gap
        self.change = change
        self.at = at
        self.messageID = messageID
    }
}
