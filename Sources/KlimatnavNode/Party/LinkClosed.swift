/// A submission reached a link whose ``PartyLink/run()`` has ended (closed, or its socket
/// stopped): nothing was numbered, written or sent.
struct LinkClosed: Error, CustomStringConvertible {
    var description: String {
        "the link to the hub is closed, so the message was not queued: open a new PartyLink (and call run()) to send it"
    }
}
