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

    public init(
        id: String, kind: GapKind, parties: [PartyID], levels: [Level], topic: String,
        summary: String, evidence: [String], recommendation: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.parties = parties
        self.levels = levels
        self.topic = topic
        self.summary = summary
        self.evidence = evidence
        self.recommendation = recommendation
    }
}
