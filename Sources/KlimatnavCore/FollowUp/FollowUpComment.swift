/// A comment on a gap, and who wrote it.
public struct FollowUpComment: Codable, Hashable, Sendable {
    public var by: PartyID
    public var text: String

    public init(by: PartyID, text: String) {
        self.by = by
        self.text = text
    }
}
