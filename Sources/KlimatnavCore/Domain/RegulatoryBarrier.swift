/// Where a regulatory barrier stands.
public enum BarrierStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case reported
    case acknowledged
    case assigned
    case resolved

    private var order: Int { BarrierStatus.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: BarrierStatus, rhs: BarrierStatus) -> Bool { lhs.order < rhs.order }
}

/// A law or rule that blocks local climate action (for example the energy-system boundary
/// drawn at a single building).
public struct RegulatoryBarrier: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The legal instrument (law, ordinance, rule) that would have to change.
    public var instrument: String?
    /// The level able to change it.
    public var changeLevel: Level
    public var reportedBy: [PartyID]
    /// Topics (investment areas) the barrier blocks.
    public var affectedTopics: [String]
    public var responsibleAgency: PartyID?
    public var status: BarrierStatus
    public var source: String?

    public init(
        id: String, title: String, instrument: String? = nil, changeLevel: Level,
        reportedBy: [PartyID], affectedTopics: [String] = [], responsibleAgency: PartyID? = nil,
        status: BarrierStatus = .reported, source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.instrument = instrument
        self.changeLevel = changeLevel
        self.reportedBy = reportedBy
        self.affectedTopics = affectedTopics
        self.responsibleAgency = responsibleAgency
        self.status = status
        self.source = source
    }
}
