extension Authorization {
    /// Who may send an emission inventory: the statistics agency (an agency that has claimed
    /// responsibility for ``EmissionInventory/statisticsTopic``, Naturvårdsverket) and the
    /// coordinator (corrections) for any party; a municipality only for itself (kept apart as
    /// its own inventory). `reportedBy` must be the sender.
    static func inventoryRefusal(_ inventory: EmissionInventory, from sender: Party, in state: WorldState) -> Refusal? {
        let me = sender.id
        guard inventory.reportedBy == me else {
            return Refusal("an emission inventory must name its sender '\(me)' as 'reportedBy', found '\(inventory.reportedBy)'")
        }
        if inventory.party == me, sender.kind == .municipality { return nil }
        if sender.kind == .coordinator { return nil }
        let isStatisticsParty =
            sender.kind == .agency
            && state.claims.contains { $0.party == me && $0.topic == EmissionInventory.statisticsTopic }
        if isStatisticsParty { return nil }
        return Refusal(
            "'\(me)' may not report emissions for '\(inventory.party)': only the statistics agency (an agency responsible for "
                + "'\(EmissionInventory.statisticsTopic)') and the coordinator may; a municipality reports only its own inventory")
    }
}
