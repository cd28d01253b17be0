import KlimatnavCore
import KlimatnavWire

/// A gap change the hub's ledger found when it settled its staged messages: the message it
/// is attributed to (the last one that touched the gap's subject), the change, and the GAP
/// message to publish (already numbered in the state sequence).
struct SettledGap: Sendable {
    /// `nil` for a gap change caused by a hub-made change (section 7.4).
    var sender: PartyID?
    var sequence: UInt64
    var gap: Gap
    var change: GapChange
    var message: GapMessage
}
