import Foundation

/// What a party had seen when it last read its inbox: the newest gap event then, and the
/// follow-up of each gap that concerned it (its `gap-followup` row), so that a later
/// assignment, comment or dismissal shows as new too (``HubStore/inbox(party:since:)``).
public struct InboxMark: Codable, Sendable, Hashable {
    /// The newest gap event (0: nothing read yet).
    public var event: Int64
    /// Gap id -> its follow-up row's JSON, as read.
    public var followUps: [String: String]

    public init(event: Int64 = 0, followUps: [String: String] = [:]) {
        self.event = event
        self.followUps = followUps
    }

    /// Reads a mark file: this type's JSON, or a bare event number (the format before
    /// follow-ups counted); `nil` for anything else.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let event = Int64(trimmed) {
            self.init(event: event)
        } else if let mark = try? JSONCoding.decode(InboxMark.self, from: trimmed) {
            self = mark
        } else {
            return nil
        }
    }

    /// The text of a mark file.
    public func text() throws -> String { try JSONCoding.string(self) }
}
