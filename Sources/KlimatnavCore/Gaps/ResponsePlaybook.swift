/// What to do about each kind of gap: who should act, at which level, the next step, and the
/// report section it comes from. Loaded from `Playbooks/responses.yaml` by KlimatnavPlaybook;
/// ``standard`` is a small default.
///
/// Codable as `{ responses: [...] }`; a bare list of responses also decodes.
public struct ResponsePlaybook: Codable, Hashable, Sendable {
    /// One response: for a gap kind, optionally only for gaps touching `level`.
    public struct Response: Codable, Hashable, Sendable {
        public var kind: GapKind
        public var level: Level?
        /// Who should act ("Viable Cities with the signing agencies").
        public var who: String
        /// The next step, as a verb phrase ("open a policy lab for the barrier").
        public var nextStep: String
        /// The report section it comes from ("4.5").
        public var source: String?

        public init(kind: GapKind, level: Level? = nil, who: String, nextStep: String, source: String? = nil) {
            self.kind = kind
            self.level = level
            self.who = who
            self.nextStep = nextStep
            self.source = source
        }
    }

    public var responses: [Response]

    public init(responses: [Response]) {
        self.responses = responses
    }

    private enum CodingKeys: String, CodingKey { case responses }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self), keyed.contains(.responses) {
            responses = try keyed.decode([Response].self, forKey: .responses)
        } else {
            responses = try decoder.singleValueContainer().decode([Response].self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(responses, forKey: .responses)
    }

    /// The response for a gap: the first for its kind whose level is among the gap's levels
    /// (highest level first), else the first for its kind with no level.
    public func response(for gap: Gap) -> Response? {
        let ofKind = responses.filter { $0.kind == gap.kind }
        for level in gap.levels.sorted(by: >) {
            if let match = ofKind.first(where: { $0.level == level }) { return match }
        }
        return ofKind.first { $0.level == nil }
    }

    /// One sentence: "<who> should <next step> (report section <source>)."
    public func recommendation(for gap: Gap) -> String? {
        guard let response = response(for: gap) else { return nil }
        var step = response.nextStep
        while step.hasSuffix(".") { step.removeLast() }
        let source = response.source.map { " (report section \($0))" } ?? ""
        return "\(response.who) should \(step)\(source)."
    }

    /// A small default, one response per kind.
    public static let standard = ResponsePlaybook(responses: [
        Response(kind: .governanceGap, level: .national, who: "Viable Cities with the signing agencies",
                 nextStep: "name the national party responsible for the topic in a multi-level dialogue", source: "4.5"),
        Response(kind: .governanceGap, who: "Viable Cities",
                 nextStep: "convene the parties at the needed level to agree who is responsible", source: "4.5"),
        Response(kind: .policyLabCandidate, who: "The responsible agency with Viable Cities",
                 nextStep: "open a policy lab (free zone) that tests the changed rule with the blocked parties", source: "4.5"),
        Response(kind: .roadmapMisalignment, who: "The municipality with the roadmap owner",
                 nextStep: "synchronise the local goal with the sector roadmap's target year", source: "4.5"),
        Response(kind: .ambitionGap, who: "The municipality",
                 nextStep: "bring the goal in line with the carbon budget and the national and EU targets", source: "4.1"),
        Response(kind: .definitionGap, who: "The municipality with Viable Cities",
                 nextStep: "state the goal as a number with scope, basis and base year", source: "4.1"),
        Response(kind: .reportingGap, who: "The municipality",
                 nextStep: "describe its follow-up, scope-3 indicators and adaptation in the contract", source: "4.8"),
        Response(kind: .regionalHubGap, who: "The municipality with its regional innovation organisation",
                 nextStep: "define its regional hub role and share its climate target year with the region", source: "4.7"),
        Response(kind: .deliveryGap, who: "The municipality with Viable Cities and the levels that decide the dominant sectors",
                 nextStep: "agree measures that close the gap between the required and the observed pace, sector by sector"),
    ])
}
