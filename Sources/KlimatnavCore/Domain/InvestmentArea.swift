/// An investment area or system shift that a party says needs action at other levels
/// (for example Göteborg's hydrogen infrastructure). `topic` is the shared key that
/// responsibility claims and barriers refer to.
public struct InvestmentArea: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var party: PartyID
    public var topic: String
    /// The title in Swedish.
    public var title: String
    /// The title in English; `nil` when only the Swedish title exists.
    public var titleEn: String?
    /// The levels at which the party says action is needed.
    public var needsLevels: [Level]
    public var source: String?

    public init(
        id: String, party: PartyID, topic: String, title: String, needsLevels: [Level],
        source: String? = nil, titleEn: String? = nil
    ) {
        self.titleEn = titleEn
        self.id = id
        self.party = party
        self.topic = topic
        self.title = title
        self.needsLevels = needsLevels
        self.source = source
    }
}

/// A party's claim that it is responsible for a topic at its level.
public struct ResponsibilityClaim: Codable, Hashable, Sendable {
    public var party: PartyID
    public var topic: String
    public var level: Level
    public var source: String?

    public init(party: PartyID, topic: String, level: Level, source: String? = nil) {
        self.party = party
        self.topic = topic
        self.level = level
        self.source = source
    }
}
