import Foundation
import KlimatnavCore

/// A scenario: the parties, the facts each of them asserts at ``asOf``, and a timeline of
/// dated messages. See `Playbooks/README.md` for the YAML format.
///
/// Load one with ``PlaybookLoader``, write one with ``yaml()``, turn it into the messages the
/// party nodes send with ``schedule()``.
public struct Playbook: Hashable, Sendable {
    /// The only format version so far.
    public static let formatVersion = 1

    /// Lowercase ASCII letters, digits and `-` (the YAML key is `playbook`).
    public var id: String
    public var version: Int
    public var title: String
    /// The title in English, when the playbook gives one (`title: {sv: ..., en: ...}`).
    public var titleEn: String?
    /// The date the facts are valid at; the timeline starts here.
    public var asOf: Date
    public var source: String?
    /// `true` for made-up scenarios (shown as such).
    public var illustrative: Bool

    public var parties: [Party]
    public var memberships: [Membership]
    public var goals: [Goal]
    public var commitments: [Commitment]
    public var roadmaps: [Roadmap]
    public var investmentAreas: [InvestmentArea]
    public var claims: [ResponsibilityClaim]
    public var barriers: [RegulatoryBarrier]
    public var policyLabs: [PolicyLab]
    public var timeline: [TimelineEntry]
    /// The `quote:` and `external:` of each fact that has them (see ``FactCitation``).
    public var citations: [FactRef: FactCitation]

    public init(
        id: String, version: Int = Playbook.formatVersion, title: String, titleEn: String? = nil, asOf: Date,
        source: String? = nil, illustrative: Bool = false, parties: [Party] = [],
        memberships: [Membership] = [], goals: [Goal] = [], commitments: [Commitment] = [],
        roadmaps: [Roadmap] = [], investmentAreas: [InvestmentArea] = [],
        claims: [ResponsibilityClaim] = [], barriers: [RegulatoryBarrier] = [],
        policyLabs: [PolicyLab] = [], timeline: [TimelineEntry] = [],
        citations: [FactRef: FactCitation] = [:]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.titleEn = titleEn
        self.asOf = asOf
        self.source = source
        self.illustrative = illustrative
        self.parties = parties
        self.memberships = memberships
        self.goals = goals
        self.commitments = commitments
        self.roadmaps = roadmaps
        self.investmentAreas = investmentAreas
        self.claims = claims
        self.barriers = barriers
        self.policyLabs = policyLabs
        self.timeline = timeline
        self.citations = citations
    }

    /// The party that opens policy labs: the first party of kind `coordinator`.
    public var coordinator: PartyID? { parties.first { $0.kind == .coordinator }?.id }
}

/// One dated message of a playbook's timeline.
public struct TimelineEntry: Hashable, Sendable {
    public var at: Date
    /// The sending party.
    public var from: PartyID
    public var event: DomainEvent

    public init(at: Date, from: PartyID, event: DomainEvent) {
        self.at = at
        self.from = from
        self.event = event
    }

    /// The message name (one of `DomainEvent.names`).
    public var message: String { event.name }
}

/// A message a party node sends to the hub, at a time.
public struct ScheduledMessage: Hashable, Sendable {
    public var at: Date
    public var from: PartyID
    public var event: DomainEvent

    public init(at: Date, from: PartyID, event: DomainEvent) {
        self.at = at
        self.from = from
        self.event = event
    }
}
