import KlimatnavWire

/// What happens to a link, as its pure core (``LinkCore``) sees it.
enum LinkInput {
    /// ``PartyLink/hello()`` was called: say HELLO unless already welcomed.
    case hello
    /// Messages numbered from ``LinkCore/nextSequence`` on, encoded and (with a durable
    /// outbox) already on disk: they join the outbox and go out when in session.
    case submitted([(sequence: UInt64, frames: [[UInt8]])])
    /// A message from the hub (one received batch brings several, all at the same `now`).
    case received(WireMessage)
    /// Someone asks for a snapshot of the shared state.
    case snapshotRequested(knownStateSequence: UInt64)
    /// The 100 ms timer: HELLO again, resends, heartbeats, a silent hub.
    case tick
    /// ``PartyLink/close()``: pending waits end.
    case close
}
