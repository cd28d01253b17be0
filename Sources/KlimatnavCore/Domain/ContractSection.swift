/// A section of a climate contract: the municipality-written sections 3.1-3.8, the joint
/// development projects 6.1-6.3, and adaptation (which no section covers).
public enum ContractSection: String, Codable, Sendable, CaseIterable, Comparable {
    case goals = "3.1"
    case strategy = "3.2"
    case organisation = "3.3"
    case collaboration = "3.4"
    case investmentPlan = "3.5"
    case digitalSupport = "3.6"
    case regionalHub = "3.7"
    case reporting = "3.8"
    case localActorCollaboration = "6.1"
    case longTermInvestmentPlan = "6.2"
    case digitalTools = "6.3"
    case adaptation = "adaptation"

    /// The municipality-written sections every contract must have.
    public static let required: [ContractSection] = [
        .goals, .strategy, .organisation, .collaboration, .investmentPlan, .digitalSupport,
        .regionalHub, .reporting,
    ]

    /// English title of the section.
    public var title: String {
        switch self {
        case .goals: "climate goals"
        case .strategy: "strategy"
        case .organisation: "organisation and leadership"
        case .collaboration: "collaboration with business, academia, citizens and civil society"
        case .investmentPlan: "climate investment plan"
        case .digitalSupport: "digital support"
        case .regionalHub: "the municipality as regional innovation hub"
        case .reporting: "reporting and follow-up"
        case .localActorCollaboration: "joint project: local actor collaboration"
        case .longTermInvestmentPlan: "joint project: long-term climate investment plan"
        case .digitalTools: "joint project: digital tools"
        case .adaptation: "climate adaptation"
        }
    }

    private var order: Int { ContractSection.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: ContractSection, rhs: ContractSection) -> Bool { lhs.order < rhs.order }
}

/// How much a contract says under a section.
public enum CommitmentStatus: String, Codable, Sendable, CaseIterable {
    /// The section describes the party's own content.
    case described
    /// Only the contracts' general text, nothing specific to the party.
    case general
    /// The heading exists but nothing is described.
    case nothingDescribed = "nothing-described"
    /// No such section at all.
    case absent
}

/// What a party's contract says under one section.
public struct Commitment: Codable, Hashable, Sendable {
    public var party: PartyID
    public var section: ContractSection
    public var status: CommitmentStatus
    /// A short summary of the content, in the party's own terms, in Swedish.
    public var summary: String
    /// The summary in English; `nil` when only the Swedish text exists.
    public var summaryEn: String?
    /// Whether the party has an indicator for scope-3 (consumption) emissions (section 3.8).
    public var scope3Indicator: Bool?
    public var source: String?

    public init(
        party: PartyID, section: ContractSection, status: CommitmentStatus, summary: String = "",
        scope3Indicator: Bool? = nil, source: String? = nil, summaryEn: String? = nil
    ) {
        self.summaryEn = summaryEn
        self.party = party
        self.section = section
        self.status = status
        self.summary = summary
        self.scope3Indicator = scope3Indicator
        self.source = source
    }

    /// The key a commitment is stored under: one per party and section.
    public var key: CommitmentKey { CommitmentKey(party: party, section: section) }
}

/// One party's one section.
public struct CommitmentKey: Hashable, Sendable, Codable {
    public var party: PartyID
    public var section: ContractSection
    public init(party: PartyID, section: ContractSection) {
        self.party = party
        self.section = section
    }
}
