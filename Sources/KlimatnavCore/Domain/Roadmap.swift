/// A roadmap: local (LFM2030), regional, a national sector roadmap (Fossilfritt Sverige), or EU.
public struct Roadmap: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var owner: PartyID
    public var name: String
    public var level: Level
    /// The sector (for example `construction`, `transport`); `nil` for all sectors.
    public var sector: String?
    public var targetYear: Int?
    public var word: GoalWord?
    public var milestones: [Milestone]
    /// Parties that signed the roadmap (or depend on it).
    public var signatories: [PartyID]
    /// The roadmap at the level above that this one contributes to.
    public var parent: String?
    public var source: String?

    public init(
        id: String, owner: PartyID, name: String, level: Level, sector: String? = nil,
        targetYear: Int? = nil, word: GoalWord? = nil, milestones: [Milestone] = [],
        signatories: [PartyID] = [], parent: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.owner = owner
        self.name = name
        self.level = level
        self.sector = sector
        self.targetYear = targetYear
        self.word = word
        self.milestones = milestones
        self.signatories = signatories
        self.parent = parent
        self.source = source
    }
}

/// A dated step on a roadmap.
public struct Milestone: Codable, Hashable, Sendable {
    public var year: Int
    public var text: String
    public init(year: Int, text: String) {
        self.year = year
        self.text = text
    }
}
