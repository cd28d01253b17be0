import Foundation
import KlimatnavStore
import KlimatnavWire
import Logging

/// What the link's shell does after its core (``LinkCore``) handled an input, in order.
enum LinkEffect {
    /// Send these frames to the hub.
    case send([[UInt8]])
    /// The session began: wake ``PartyLink/hello()``.
    case welcomed
    /// The hub refused the session (a NACK numbered 0): ``PartyLink/hello()`` throws.
    case sessionRefused(WireError.Code, String)
    /// The hub answered message `sequence`: hand it to `onAnswer`, and to whoever waits for it
    /// when `awaited`.
    case answered(UInt64, Delivery, awaited: Bool)
    /// Write this answer to the durable outbox (after the received batch).
    case record(NodeOutbox.Answer)
    /// The hub expects more than this node ever numbered: keep the floor in the durable outbox.
    case raiseFloor(UInt64)
    /// Fewer than ``LinkOptions/maxInFlight`` messages are unanswered: wake those waiting for room.
    case room
    /// The snapshot arrived.
    case snapshot(Snapshot)
    /// The hub refused the snapshot.
    case snapshotRefused(WireError.Code, String)
    /// Nothing heard from the hub for interval × liveness: it is taken for dead.
    case hubSilent(Date)
    case log(Logger.Level, String)
    /// The link closed: every wait ends.
    case closed
}
