/// The gaps that name one party, as `klimatnav inbox` shows them (``HubStore/inbox(party:after:)``).
public struct PartyInbox: Sendable, Hashable {
    /// Gaps opened, changed or resolved since the last read (gap events after the mark).
    public var new: [GapRecord]
    public var open: [GapRecord]
    public var resolved: [GapRecord]
    /// The newest gap event: the mark to store once these were shown.
    public var lastEventID: Int64

    public init(new: [GapRecord], open: [GapRecord], resolved: [GapRecord], lastEventID: Int64) {
        self.new = new
        self.open = open
        self.resolved = resolved
        self.lastEventID = lastEventID
    }
}
