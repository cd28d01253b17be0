/// A roadmap: local (LFM2030), regional, a national sector roadmap (Fossilfritt Sverige), or EU.
public struct Roadmap: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var owner: PartyID
    /// The name in Swedish.
    public var name: String
    /// The name in English; `nil` when only the Swedish name exists.
    public var nameEn: String?
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
        signatories: [PartyID] = [], parent: String? = nil, source: String? = nil, nameEn: String? = nil
    ) {
        self.nameEn = nameEn
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
    /// The step in Swedish.
    public var text: String
    /// The step in English; `nil` when only the Swedish text exists.
    public var textEn: String?
    public init(year: Int, text: String, textEn: String? = nil) {
        self.textEn = textEn
        self.year = year
        self.text = text
    }
}
