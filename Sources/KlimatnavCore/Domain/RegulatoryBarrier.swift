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
    /// The title in Swedish.
    public var title: String
    /// The title in English; `nil` when only the Swedish title exists.
    public var titleEn: String?
    /// The legal instrument (law, ordinance, rule) that would have to change.
    public var instrument: String?
    /// ``instrument`` in English; `nil` when only the Swedish text exists.
    public var instrumentEn: String?
    /// The level able to change it.
    public var changeLevel: Level
    /// Who reports the barrier: in a message, exactly its sender (a report is one party's
    /// statement); the hub merges the reports of one barrier id.
    public var reportedBy: [PartyID]
    /// The parties the rule blocks, as the reporter names them (an agency reports that a rule
    /// blocks Lund and Malmö). Absent: the reporters themselves are the ones blocked.
    public var affects: [PartyID]?
    /// Topics (investment areas) the barrier blocks.
    public var affectedTopics: [String]
    public var responsibleAgency: PartyID?
    public var status: BarrierStatus
    public var source: String?

    public init(
        id: String, title: String, instrument: String? = nil, changeLevel: Level,
        reportedBy: [PartyID], affects: [PartyID]? = nil, affectedTopics: [String] = [], responsibleAgency: PartyID? = nil,
        status: BarrierStatus = .reported, source: String? = nil, titleEn: String? = nil, instrumentEn: String? = nil
    ) {
        self.titleEn = titleEn
        self.instrumentEn = instrumentEn
        self.affects = affects
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

    /// The parties the barrier blocks: those named in ``affects``, or else its reporters.
    public var blockedParties: [PartyID] { affects ?? reportedBy }
}
