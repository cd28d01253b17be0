/// A gap between levels: something a coordinator should see and act on.
///
/// `id` is stable: it is derived from the kind and the subject the gap is about (never from
/// its evidence or wording), so the same gap found twice is one gap.
public struct Gap: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var kind: GapKind
    public var parties: [PartyID]
    public var levels: [Level]
    /// What the gap is about (a topic, a goal, a section, a barrier).
    public var topic: String
    /// One sentence a coordinator understands.
    public var summary: String
    /// The facts the gap rests on (goal, roadmap, barrier ids; message ids where known).
    public var evidence: [String]
    /// What to do about it, from the response playbook; `nil` until attached.
    public var recommendation: String?
    /// The same in Swedish (``ResponsePlaybook/swedishRecommendation(for:)``); `nil` until
    /// attached, or when the gap came from a hub that sent only the English one.
    public var recommendationSv: String?

    /// The wire protocol's limits on a string and on an array (KNAV/1 section 5.2).
    static let maxTextBytes = 8192
    static let maxEvidence = 1024

    public init(
        id: String, kind: GapKind, parties: [PartyID], levels: [Level], topic: String,
        summary: String, evidence: [String], recommendation: String? = nil, recommendationSv: String? = nil
    ) {
        self.recommendationSv = recommendationSv?.clipped(toBytes: Gap.maxTextBytes)
        self.id = id
        self.kind = kind
        self.parties = parties
        self.levels = levels
        // Texts quote what parties sent; each stays within the wire's limits (8192 bytes a
        // string, 1024 elements an array), so every gap can be published.
        self.topic = topic
        self.summary = summary.clipped(toBytes: Gap.maxTextBytes)
        self.evidence = evidence.prefix(Gap.maxEvidence).map { $0.clipped(toBytes: Gap.maxTextBytes) }
        self.recommendation = recommendation?.clipped(toBytes: Gap.maxTextBytes)
    }
}
