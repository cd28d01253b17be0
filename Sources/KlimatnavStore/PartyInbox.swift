/// The gaps that concern one party, as `klimatnav inbox` shows them (``HubStore/inbox(party:since:)``).
public struct PartyInbox: Sendable, Hashable {
    /// Gaps opened, changed, resolved or followed up since the last read.
    public var new: [GapRecord]
    public var open: [GapRecord]
    public var resolved: [GapRecord]
    /// The newest gap event: the mark to store once these were shown.
    public var lastEventID: Int64
    /// The mark to store once these were shown (the newest event and the follow-ups seen).
    public var mark: InboxMark

    public init(new: [GapRecord], open: [GapRecord], resolved: [GapRecord], lastEventID: Int64, mark: InboxMark? = nil) {
        self.new = new
        self.open = open
        self.resolved = resolved
        self.lastEventID = lastEventID
        self.mark = mark ?? InboxMark(event: lastEventID)
    }
}
