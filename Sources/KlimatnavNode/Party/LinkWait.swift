import KlimatnavWire

/// What a caller of ``PartyLink`` waits for (the key of the link's ``Waiters``).
enum LinkWait: Hashable {
    /// The first WELCOME of a session (``PartyLink/hello()``).
    case welcome
    /// Fewer than ``LinkOptions/maxInFlight`` messages unanswered (submissions, ``PartyLink/flush()``).
    case room
    /// The SNAPSHOT asked for with ``PartyLink/requestSnapshot(knownStateSequence:)``.
    case snapshot
    /// The hub's answer to message `sequence` (``PartyLink/outcome(of:)``).
    case answer(UInt64)
    /// The numbers of submission `id` once it is on disk and sent (``PartyLink/submit(contentsOf:)``).
    case submission(UInt64)
}

/// What a waiter of ``LinkWait`` is woken with.
enum LinkWake: Sendable {
    case ready
    case failed(any Error)
    case snapshot(Snapshot)
    case delivery(Delivery)
    case sequences([UInt64])
    /// The wait's deadline passed first (``PartyLink/wait(_:until:)``).
    case timedOut
}
