/// One of the report's own recommendations (Viable Cities Report 2021:7, chapter 4 and its
/// appendix, and the closing words of chapter 5): its section, its title as the report prints
/// it (Swedish), who should act, and which gaps it answers. Loaded with the response playbook.
public struct ReportRecommendation: Codable, Hashable, Sendable {
    /// Which gaps a recommendation answers: a kind, and optionally the gap's topic, the end of
    /// its id (a definition gap's problem, `:no-number`; a gap's subject, `:scope3-indicator`),
    /// or an end of id it must not have (`viable-cities:3.8`, the joint gap, beside `:3.8`).
    public struct Selector: Codable, Hashable, Sendable {
        public var kind: GapKind
        public var topic: String?
        public var idSuffix: String?
        public var exceptIDSuffix: String?

        public init(kind: GapKind, topic: String? = nil, idSuffix: String? = nil, exceptIDSuffix: String? = nil) {
            self.kind = kind
            self.topic = topic
            self.idSuffix = idSuffix
            self.exceptIDSuffix = exceptIDSuffix
        }

        public func matches(_ gap: Gap) -> Bool {
            gap.kind == kind && (topic.map { $0 == gap.topic } ?? true) && (idSuffix.map { gap.id.hasSuffix($0) } ?? true)
                && !(exceptIDSuffix.map { gap.id.hasSuffix($0) } ?? false)
        }
    }

    /// A short stable id ("4.1-definitions").
    public var id: String
    /// The report section ("4.1", "5").
    public var section: String
    /// The recommendation's heading, verbatim from the report.
    public var title: String
    /// Who should act, named (an agency, Viable Cities, the municipality, the EU mission), in
    /// Swedish and English.
    public var who: BilingualText
    /// The next step as a verb phrase (Swedish in the infinitive without "att", English
    /// lowercase); `nil` for recommendations that answer no gap kind the engine finds (they are
    /// listed, not attached).
    public var action: BilingualText?
    /// The gaps it answers; empty for recommendations that are listed only.
    public var appliesTo: [Selector]

    public init(id: String, section: String, title: String, who: BilingualText, action: BilingualText? = nil, appliesTo: [Selector] = []) {
        self.id = id
        self.section = section
        self.title = title
        self.who = who
        self.action = action
        self.appliesTo = appliesTo
    }

    private enum CodingKeys: String, CodingKey { case id, section, title, who, action, appliesTo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        section = try c.decode(String.self, forKey: .section)
        title = try c.decode(String.self, forKey: .title)
        who = try c.decode(BilingualText.self, forKey: .who)
        action = try c.decodeIfPresent(BilingualText.self, forKey: .action)
        appliesTo = try c.decodeIfPresent([Selector].self, forKey: .appliesTo) ?? []
    }

    /// Whether it answers `gap`.
    public func applies(to gap: Gap) -> Bool {
        action != nil && appliesTo.contains { $0.matches(gap) }
    }

    /// "<who> should <action> (report <section>: "<title>")."
    public var sentence: String? {
        guard var step = action?.english else { return nil }
        while step.hasSuffix(".") { step.removeLast() }
        return "\(who.english) should \(step) (report \(section): \"\(title)\")."
    }

    /// "<vem> bör <åtgärd> (rapporten <avsnitt>: ”<rubrik>”)."
    public var swedishSentence: String? {
        guard var step = action?.sv else { return nil }
        while step.hasSuffix(".") { step.removeLast() }
        return "\(who.sv) bör \(step) (rapporten \(section): ”\(title)”)."
    }
}
