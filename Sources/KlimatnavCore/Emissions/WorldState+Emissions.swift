extension WorldState {
    /// The official total emissions of `party` by year (the sum over sectors), oldest first.
    public func emissionSeries(of party: PartyID) -> [(year: Int, tonnes: Double)] {
        guard let book = inventories[party] else { return [] }
        return book.keys.sorted().map { ($0, book[$0]!.totalTonnes) }
    }

    /// The latest official inventory of `party`.
    public func latestInventory(of party: PartyID) -> EmissionInventory? {
        guard let book = inventories[party], let year = book.keys.max() else { return nil }
        return book[year]
    }

    /// The observed pace of `party` (``TrajectoryMethod``), or `nil` without enough inventories.
    public func emissionTrend(of party: PartyID, method: TrajectoryMethod = TrajectoryMethod()) -> EmissionTrend? {
        EmissionTrend.fit(emissionSeries(of: party), fromYear: method.trendFromYear, minimumPoints: method.minimumPoints)
    }
}
